using System.Data.Common;
using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Revisions;
using Ratchet.Schema;
using Ratchet.Verification.SampleData;

namespace Ratchet.Verification;

/// <summary>
/// The stairway (pytest-alembic's name for it): on a scratch database, for each revision in graph order from base,
/// read the schema S0, up, read S1, down, compare with S0, up again, compare with S1. With data, every table is first
/// topped up with generated rows and the data is compared after the up (losses the revision does not declare) and
/// after the down (everything back as it was).
/// </summary>
public sealed class StairwayVerifier(IDatabaseEngine scratch, RevisionGraph graph, VerifyOptions options)
{
    /// <summary>Walks every revision; <paramref name="onVerdict"/> hears each verdict as it is reached.</summary>
    public async Task<VerifyReport> VerifyAsync(Action<RevisionVerdict>? onVerdict = null, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        var generator = new SampleDataGenerator(scratch, options.RowsPerTable, options.Seed);
        var verdicts = new List<RevisionVerdict>();
        var session = await new Migrator(scratch, graph, new MigratorOptions { TrackSchema = false }).OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        await using var closing = session.ConfigureAwait(false);
        var connection = session.Connection;
        var s0 = await scratch.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        var stopped = false;
        for (var k = 0; k < graph.Ordered.Count; k++)
        {
            var revision = graph.Ordered[k];
            if (stopped)
            {
                Add(new RevisionVerdict { Revision = revision, Outcome = VerdictOutcome.NotRun });
                continue;
            }

            var verdict = await StepAsync(session, generator, connection, revision, k, s0, cancellationToken).ConfigureAwait(false);
            Add(verdict.Verdict);
            stopped = verdict.Verdict.Error is not null;
            s0 = verdict.After ?? s0;
        }

        return new VerifyReport { Engine = scratch.DisplayName, Options = options, Revisions = verdicts, Duration = total.Elapsed };

        void Add(RevisionVerdict v)
        {
            verdicts.Add(v);
            onVerdict?.Invoke(v);
        }
    }

    private async Task<(RevisionVerdict Verdict, SchemaModel? After)> StepAsync(MigrationSession session, SampleDataGenerator generator, DbConnection connection,
        Revision revision, int position, SchemaModel s0, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var fill = FillResult.Empty;
        DataSnapshot? d0 = null;
        if (options.Data)
        {
            fill = await generator.FillAsync(connection, s0, position + 1, ValueDomains.FromChecks(graph.Ordered.Skip(position), s0), cancellationToken).ConfigureAwait(false);
            d0 = await DataSnapshot.ReadAsync(scratch, connection, s0, cancellationToken).ConfigureAwait(false);
        }

        RevisionVerdict Failed(string error) => new()
        {
            Revision = revision, Outcome = VerdictOutcome.Failed, Error = error, Fill = fill, Duration = watch.Elapsed,
        };

        if (await RunAsync(session, revision, Direction.Up, cancellationToken).ConfigureAwait(false) is { } upFailed)
        {
            return (Failed($"up failed: {upFailed}"), null);
        }

        var s1 = await scratch.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        var afterUp = d0 is null ? [] : DataComparison.AfterUp(d0, await DataSnapshot.ReadAsync(scratch, connection, s1, cancellationToken).ConfigureAwait(false));
        if (revision.Down is null && !revision.Online)
        {
            return (new RevisionVerdict
            {
                Revision = revision,
                Outcome = afterUp.Any(f => f.IsFailure) ? VerdictOutcome.Failed : VerdictOutcome.UpOnly,
                AfterUp = afterUp,
                Fill = fill,
                Duration = watch.Elapsed,
            }, s1);
        }

        if (await RunAsync(session, revision, Direction.Down, cancellationToken).ConfigureAwait(false) is { } downFailed)
        {
            return (Failed($"down failed: {downFailed}") with { AfterUp = afterUp }, null);
        }

        var s2 = await scratch.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        var problems = SchemaComparer.Differences(s0, s2).Select(d => $"after down, compared with before up: {d}").ToList();
        var afterDown = d0 is null ? [] : DataComparison.AfterDown(d0, await DataSnapshot.ReadAsync(scratch, connection, s2, cancellationToken).ConfigureAwait(false));
        if (await RunAsync(session, revision, Direction.Up, cancellationToken).ConfigureAwait(false) is { } againFailed)
        {
            return (Failed($"up again (after down) failed: {againFailed}") with { AfterUp = afterUp, AfterDown = afterDown, SchemaProblems = problems }, null);
        }

        var s3 = await scratch.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        problems.AddRange(SchemaComparer.Differences(s1, s3).Select(d => $"after up again, compared with after the first up: {d}"));
        var failed = problems.Count > 0 || afterUp.Any(f => f.IsFailure) || afterDown.Any(f => f.IsFailure);
        return (new RevisionVerdict
        {
            Revision = revision,
            Outcome = failed ? VerdictOutcome.Failed : VerdictOutcome.Passed,
            SchemaProblems = problems,
            AfterUp = afterUp,
            AfterDown = afterDown,
            Fill = fill,
            Duration = watch.Elapsed,
        }, s3);
    }

    /// <summary>Runs one step; the error when it fails.</summary>
    private static async Task<string?> RunAsync(MigrationSession session, Revision revision, Direction direction, CancellationToken cancellationToken)
    {
        try
        {
            await session.RunStepAsync(new PlanStep(revision, direction), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (RatchetException e)
        {
            return e.Message;
        }
    }
}
