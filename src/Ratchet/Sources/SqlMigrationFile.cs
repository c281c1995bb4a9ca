using Ratchet.Revisions;

namespace Ratchet.Sources;

/// <summary>What a native SQL migration file says, before the revisions are put into a graph.</summary>
public sealed record SqlMigrationFile
{
    /// <summary>The file, as the user named it.</summary>
    public required string Path { get; init; }

    /// <summary>The id from a <c>revision</c> directive, if any.</summary>
    public string? Id { get; init; }

    /// <summary>The parents from a <c>revises</c> directive; null when the file does not say (it follows the previous file).</summary>
    public IReadOnlyList<string>? Revises { get; init; }

    /// <summary>The message directive.</summary>
    public string Message { get; init; } = "";

    /// <summary>Branch labels.</summary>
    public IReadOnlyList<string> BranchLabels { get; init; } = [];

    /// <summary>Dependencies that are not parents.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>False for <c>-- ratchet:transaction off</c>.</summary>
    public bool Transactional { get; init; } = true;

    /// <summary>The up section.</summary>
    public required SqlScript Up { get; init; }

    /// <summary>The down section; null when the file has none.</summary>
    public SqlScript? Down { get; init; }

    /// <summary>The check section (pre-conditions).</summary>
    public IReadOnlyList<SqlStatement> Checks { get; init; } = [];

    /// <summary>The verify section (post-conditions).</summary>
    public IReadOnlyList<SqlStatement> Verifies { get; init; } = [];

    /// <summary>The statement lock timeout for this revision (<c>-- ratchet:lock-timeout</c>); zero turns it off; null: the runner's.</summary>
    public TimeSpan? StatementLockTimeout { get; init; }

    /// <summary>A repeatable revision (<c>-- ratchet:repeatable</c>): applied again whenever its up changes.</summary>
    public bool Repeatable { get; init; }

    /// <summary>Lint suppressions: <c>-- ratchet:ignore RULE reason</c>.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>Whether the file is an online revision (<c>-- ratchet:online</c>): its up statements are online operations.</summary>
    public bool Online { get; init; }

    /// <summary>The <c>backfill</c> and <c>down-using</c> directives of an online revision, by the line of their statement.</summary>
    public IReadOnlyDictionary<int, OnlineStatementDirectives> OnlineDirectives { get; init; } = new Dictionary<int, OnlineStatementDirectives>();
}

/// <summary>What an online statement's directives add: the backfill expression, and the expression of the old value from the new.</summary>
public readonly record struct OnlineStatementDirectives(string? Backfill, string? DownUsing);
