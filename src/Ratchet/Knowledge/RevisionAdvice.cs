using Ratchet.Safety;

namespace Ratchet.Knowledge;

/// <summary>What the knowledge base says about one revision: its strategy, its rollback, its risks.</summary>
public sealed record RevisionAdvice
{
    /// <summary>The strategy.</summary>
    public required MigrationStrategy Strategy { get; init; }

    /// <summary>Why that strategy (what the revision does), one phrase each.</summary>
    public required IReadOnlyList<string> Because { get; init; }

    /// <summary>The rollback approach.</summary>
    public required RollbackApproach Rollback { get; init; }

    /// <summary>The lint findings of the revision (suppressed ones with their reason).</summary>
    public required IReadOnlyList<LintFinding> Risks { get; init; }

    /// <summary>The strategy as the docs write it.</summary>
    public string StrategyText => Strategy switch
    {
        MigrationStrategy.AddOnly => "add-only (safe while the app runs)",
        MigrationStrategy.ExpandContract => "expand/contract (online: start, then complete)",
        MigrationStrategy.MultiPhase => "multi-phase (one phase of a change split so no step blocks)",
        MigrationStrategy.Destructive => "destructive (drops data)",
        MigrationStrategy.DataMigration => "data migration (changes rows)",
        _ => "in-place change (takes locks; see the risks)",
    };
}
