namespace Ratchet.Knowledge;

/// <summary>How a revision is rolled back.</summary>
public enum RollbackApproach
{
    /// <summary>Down written by hand (a SQL down section, or a C# Down).</summary>
    Written,

    /// <summary>Down derived by Ratchet from the typed operations.</summary>
    Derived,

    /// <summary>No down: fix forward.</summary>
    Irreversible,
}
