namespace Ratchet.Adoption;

/// <summary>One row of another tool's history, as that tool means it.</summary>
public sealed record ForeignEntry
{
    /// <summary>What the tool identifies the migration by: a version, a migration id, a script name.</summary>
    public required string Identity { get; init; }

    /// <summary>The script or file the tool recorded, when it records one.</summary>
    public string? Script { get; init; }

    /// <summary>Whether the tool recorded it as applied, failed, or dirty (part-way).</summary>
    public ForeignState State { get; init; } = ForeignState.Applied;

    /// <summary>
    /// How the entry reaches: this migration only, every migration up to this version (golang-migrate's single row, a
    /// Flyway baseline), or this head and its ancestors (Alembic).
    /// </summary>
    public ForeignReach Reach { get; init; } = ForeignReach.Itself;

    /// <summary>The row as shown in messages.</summary>
    public required string Shown { get; init; }
}

/// <summary>What another tool recorded about a migration.</summary>
public enum ForeignState
{
    /// <summary>Applied.</summary>
    Applied,

    /// <summary>Failed (Flyway, Evolve <c>success = false</c>).</summary>
    Failed,

    /// <summary>Left part-way (golang-migrate <c>dirty = true</c>).</summary>
    Dirty,

    /// <summary>Applied, then undone (a Flyway undo, a goose down): not applied now.</summary>
    Reverted,
}

/// <summary>How far an entry's "applied" reaches.</summary>
public enum ForeignReach
{
    /// <summary>The migration itself.</summary>
    Itself,

    /// <summary>Every migration whose version is at most this one.</summary>
    UpToVersion,

    /// <summary>This revision and everything it needs (an Alembic head).</summary>
    WithAncestors,
}
