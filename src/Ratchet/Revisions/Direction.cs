namespace Ratchet.Revisions;

/// <summary>Which way a step runs.</summary>
public enum Direction
{
    /// <summary>The upgrade.</summary>
    Up,

    /// <summary>The downgrade.</summary>
    Down,
}
