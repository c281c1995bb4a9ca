using System.Globalization;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Execution;
using Ratchet.Revisions;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>What <c>up</c> and <c>down</c> share: dry run, progress, summary.</summary>
internal static class MigrationRun
{
    public static async Task<int> ExecuteAsync(Invocation invocation, Direction direction, Target target, bool dryRun, CancellationToken cancellationToken,
        bool singleTransaction = false, bool withOnline = false)
    {
        var graph = invocation.RequireRevisions();
        if (dryRun)
        {
            var engine = invocation.Engine();
            var plan = await new Migrator(engine, graph).PlanAsync(direction, target, cancellationToken);
            var sql = ScriptWriter.Write(plan, engine.Dialect, engine.HistoryTables, $"ratchet {direction.ToString().ToLowerInvariant()} --dry-run on {engine.DisplayName}: nothing was executed");
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["plan"] = JsonShapes.Plan(plan), ["sql"] = sql });
            }
            else
            {
                invocation.Environment.Out.Write(sql);
            }

            return 0;
        }

        var started = DateTime.UtcNow;
        var reporter = new RunReporter(invocation);
        var result = await reporter.RunAsync(onEvent => direction == Direction.Up
            ? invocation.Migrator(graph, onEvent, singleTransaction, runOnline: withOnline).UpAsync(target, cancellationToken)
            : invocation.Migrator(graph, onEvent).DownAsync(target, cancellationToken));
        var elapsed = DateTime.UtcNow - started;
        if (!result.Plan.IsEmpty)
        {
            await invocation.DecideAsync(DecisionText.Run(invocation, graph, result.Plan, target.Text), cancellationToken);
        }

        if (invocation.Json)
        {
            invocation.WriteJsonLine(new JsonObject
            {
                ["event"] = "summary",
                ["direction"] = direction.ToString().ToLowerInvariant(),
                ["target"] = target.Text,
                ["count"] = result.Plan.Steps.Count,
                ["durationMs"] = (long)elapsed.TotalMilliseconds,
            });
            return 0;
        }

        if (result.Plan.IsEmpty)
        {
            invocation.Line(direction == Direction.Up
                ? $"Nothing to do: everything up to {E(target.Text)} is applied."
                : $"Nothing to do: nothing to revert for {E(target.Text)}.");
        }
        else
        {
            var verb = direction == Direction.Up ? "Applied" : "Reverted";
            invocation.Line($"{verb} {result.Plan.Steps.Count} revision(s) in {elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s.");
        }

        return 0;
    }
}
