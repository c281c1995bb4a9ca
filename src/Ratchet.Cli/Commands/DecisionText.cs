using Ratchet.Knowledge;
using Ratchet.Revisions;
using Ratchet.Safety;

namespace Ratchet.Cli.Commands;

/// <summary>What the decisions log says of a run: the revisions, each with its strategy (for runs of a handful).</summary>
internal static class DecisionText
{
    private const int Detailed = 20;

    public static string Run(Invocation invocation, RevisionGraph graph, MigrationPlan plan, string target)
    {
        var verb = plan.Direction == Direction.Up ? "applied" : "reverted";
        var engine = invocation.Engine().DisplayName;
        var steps = plan.Steps.Select(s => s.Revision).ToList();
        if (steps.Count > Detailed)
        {
            return $"{verb} {steps.Count} revisions ({steps[0].Id} to {steps[^1].Id}) to reach {target} on {engine}";
        }

        var ids = steps.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var report = new Linter(new LintOptions { Target = Target(invocation) }).Lint(graph, r => ids.Contains(r.Id));
        var described = steps.Select(r =>
        {
            var advice = StrategyAdvisor.For(r, report.Findings.Where(f => f.Revision == r.Id).ToList());
            return $"{r.Id} \"{r.Message}\" ({advice.Strategy switch
            {
                MigrationStrategy.AddOnly => "add-only",
                MigrationStrategy.ExpandContract => "expand/contract",
                MigrationStrategy.MultiPhase => "multi-phase",
                MigrationStrategy.Destructive => "destructive",
                MigrationStrategy.DataMigration => "data migration",
                _ => "in-place",
            }}{(plan.Direction == Direction.Down ? $", rollback {advice.Rollback.ToString().ToLowerInvariant()} down" : "")})";
        });
        return $"{verb} {string.Join(", ", described)} to reach {target} on {engine}";
    }

    public static LintTarget Target(Invocation invocation) =>
        invocation.Engine().Dialect.Name == "sqlite" ? new LintTarget("sqlite", new Version(3, 40)) : LintTarget.Default;
}
