using Ratchet.Operations;

namespace Ratchet.Schema;

/// <summary>What <see cref="SchemaDiff"/> found: the operations each way, and what a reviewer must read.</summary>
public sealed record SchemaChange
{
    /// <summary>The operations that turn the current schema into the desired one, in dependency order.</summary>
    public IReadOnlyList<MigrationOperation> Up { get; init; } = [];

    /// <summary>The operations that turn the desired schema back into the current one.</summary>
    public IReadOnlyList<MigrationOperation> Down { get; init; } = [];

    /// <summary>Things a reviewer must know: data that a step loses, changes written as drop and add, changes not written.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A dropped and an added table or column that look like one renamed: never treated as such unless stated.</summary>
    public IReadOnlyList<RenameCandidate> RenameCandidates { get; init; } = [];

    /// <summary>Whether the schemas are equal (nothing to write).</summary>
    public bool IsEmpty => Up.Count == 0 && Down.Count == 0;
}

/// <summary>A drop and an add that look like a rename, and the <c>--rename</c> that would make it one.</summary>
public sealed record RenameCandidate(string What, SchemaRename Rename)
{
    /// <inheritdoc />
    public override string ToString() => $"{What} look like a rename: if it is one, give --rename {Rename}";
}
