using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Revisions;
using Ratchet.Safety;
using Ratchet.Safety.Tracing;
using Ratchet.Verification.SampleData;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>lint --trace</c>: on a scratch database of the same server, the revisions before the traced ones are applied; each
/// traced revision then runs, statement by statement in a transaction that is rolled back, on tables holding generated
/// rows, and what it did becomes RAT101–RAT105; then it is applied for real so the next one sees it.
/// </summary>
internal static class LintTrace
{
    private const int RowsPerTable = 200;

    public static async Task<LintReport> AddAsync(Invocation invocation, IDatabaseEngine engine, RevisionGraph graph, LintReport report, Func<Revision, bool> traced,
        CancellationToken cancellationToken)
    {
        if (engine is not ILockTracer)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"--trace needs PostgreSQL; {engine.DisplayName} is {engine.Dialect.Name}")
            {
                Hints = ["run it with --url postgres://... (a server where you may create databases)"],
            };
        }

        var traces = new List<StatementTrace>();
        var findings = report.Findings.ToList();
        await using var scratch = await engine.CreateScratchAsync(cancellationToken);
        var tracer = (ILockTracer)scratch.Engine;
        var session = await new Migrator(scratch.Engine, graph, new MigratorOptions { TrackSchema = false }).OpenSessionAsync(cancellationToken);
        await using (session)
        {
            var generator = new SampleDataGenerator(scratch.Engine, RowsPerTable, seed: 1);
            var round = 0;
            for (var k = 0; k < graph.Ordered.Count; k++)
            {
                var revision = graph.Ordered[k];
                if (traced(revision))
                {
                    var schema = await scratch.Engine.ReadSchemaAsync(session.Connection, cancellationToken);
                    await generator.FillAsync(session.Connection, schema, ++round, ValueDomains.FromChecks(graph.Ordered.Skip(k), schema), cancellationToken);
                    var lockTimeout = revision.StatementLockTimeout ?? invocation.Settings.StatementLockTimeout;
                    // An online revision's steps are planned from the catalogs when it starts, each under the lock governor: not traced.
                    if (revision.Transactional && !revision.Online)
                    {
                        var seen = await tracer.TraceAsync(session.Connection, revision, lockTimeout, cancellationToken);
                        traces.AddRange(seen);
                        findings.AddRange(Linter.SuppressTraced(revision, seen.SelectMany(TraceRules.Findings)));
                    }
                }

                await session.RunStepAsync(new PlanStep(revision, Direction.Up), cancellationToken);
            }
        }

        return report with
        {
            Findings = findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList(),
            Traces = traces,
        };
    }
}
