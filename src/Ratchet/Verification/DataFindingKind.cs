namespace Ratchet.Verification;

/// <summary>What a data comparison found.</summary>
public enum DataFindingKind
{
    /// <summary>The revision drops a column or table, and its data with it: on purpose.</summary>
    DroppedOnPurpose,

    /// <summary>After up, rows or values are gone that the revision does not say it drops (a failure).</summary>
    Lost,

    /// <summary>After up, values are different (a data migration): reported, not a failure.</summary>
    Changed,

    /// <summary>After down, the data is not what it was before up (a failure).</summary>
    NotRestored,
}
