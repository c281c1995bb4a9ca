using Ratchet.Sources;

namespace Ratchet.Revisions;

/// <summary>One versioned migration: a node of the revision graph with an upgrade and (usually) a downgrade.</summary>
public sealed record Revision
{
    /// <summary>The revision id, such as <c>20260202_003</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the revision does, in a few words.</summary>
    public string Message { get; init; } = "";

    /// <summary>The revisions this one revises: none for a root, two or more for a merge.</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>False when the source did not say: <see cref="RevisionLinker"/> makes it follow the previous revision in id order.</summary>
    public bool RevisesStated { get; init; } = true;

    /// <summary>Branch labels carried by this revision (targets such as <c>label@head</c>).</summary>
    public IReadOnlyList<string> BranchLabels { get; init; } = [];

    /// <summary>Revisions that must be applied before this one although they are not its parents.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The upgrade.</summary>
    public required MigrationScript Up { get; init; }

    /// <summary>The downgrade; null when the revision cannot be reverted.</summary>
    public MigrationScript? Down { get; init; }

    /// <summary>
    /// A repeatable revision (Flyway's <c>R__</c>): not part of the graph's order; applied after the versioned ones, and
    /// again whenever its checksum changes.
    /// </summary>
    public bool Repeatable { get; init; }

    /// <summary>The layout it was read from (<c>native</c>, <c>flyway</c>, <c>golang-migrate</c>, ...).</summary>
    public string Layout { get; init; } = "native";

    /// <summary>False when its source says a retry after a failure part-way is not safe (metadata.yaml <c>nonIdempotent</c>).</summary>
    public bool Idempotent { get; init; } = true;

    /// <summary>Whether <see cref="Down"/> was derived by Ratchet from the up's typed operations (a C# migration without Down).</summary>
    public bool DownDerived { get; init; }

    /// <summary>Pre-conditions: each query must return no rows or only true before <see cref="Up"/> runs.</summary>
    public IReadOnlyList<SqlStatement> Checks { get; init; } = [];

    /// <summary>Post-conditions: each query must return no rows or only true after <see cref="Up"/>.</summary>
    public IReadOnlyList<SqlStatement> Verifies { get; init; } = [];

    /// <summary>Whether the revision runs in one transaction with its history row.</summary>
    public bool Transactional { get; init; } = true;

    /// <summary>The statement lock timeout for this revision (<c>-- ratchet:lock-timeout</c>); zero turns it off; null: the runner's.</summary>
    public TimeSpan? StatementLockTimeout { get; init; }

    /// <summary>Lint findings silenced in the file (<c>-- ratchet:ignore RULE reason</c>).</summary>
    public IReadOnlyList<Sources.Suppression> Suppressions { get; init; } = [];

    /// <summary>Where the revision was read from.</summary>
    public SourceLocation Source { get; init; }

    /// <summary>The kind of source: <c>sql</c> or <c>csharp</c>.</summary>
    public string Kind { get; init; } = "sql";

    /// <summary>
    /// Whether the revision is online (zero-downtime, PostgreSQL): it runs in phases with <c>ratchet start</c>,
    /// <c>complete</c> and <c>abort</c>, never as a plain <c>up</c>.
    /// </summary>
    public bool Online => Up is Ratchet.Online.OnlineScript;

    /// <summary>Whether this revision joins two or more parents.</summary>
    public bool IsMerge => Parents.Count > 1;

    /// <summary>Every revision this one needs applied first: its parents and its <see cref="DependsOn"/>.</summary>
    public IEnumerable<string> Requires => Parents.Concat(DependsOn);
}
