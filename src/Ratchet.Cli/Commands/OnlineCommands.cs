using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Configuration;
using Ratchet.Cli.Output;
using Ratchet.Online;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet start [REV]</c>, <c>ratchet complete</c>, <c>ratchet abort</c>: the phases of an online (zero-downtime)
/// revision on PostgreSQL (docs/online.md). Each holds the runner lock, can be run again after a failure or a kill and
/// continues where it stopped, and appends a decision line.
/// </summary>
internal static class OnlineCommands
{
    public static Command Start(CommandRunner runner)
    {
        var revision = new Argument<string?>("revision") { Description = "The online revision (default: the first pending one, or the one being started)", Arity = ArgumentArity.ZeroOrOne };
        var maxBatches = new Option<int?>("--max-batches") { Description = "Stop the backfill after this many batches (run `start` again to continue)" };
        var batchTime = new Option<string?>("--batch-time") { Description = "Target time per backfill batch (default 5ms; [online] batch_time)" };
        var pause = new Option<string?>("--pause") { Description = "Pause between backfill batches (default 15ms; [online] batch_pause; 0ms: flat out)" };
        var maxLoad = new Option<string?>("--max-load")
        {
            Description = "Before each backfill batch, wait (at most [online] max_load_wait, 20ms) while more than this many other sessions run a statement (default 0; [online] max_load; off: no gate)",
        };
        var command = new Command("start", "Start an online revision: expand the schema, keep old and new shapes in step, backfill") { revision, maxBatches, batchTime, pause, maxLoad };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var options = invocation.Settings.Config.Online;
            options = options with
            {
                MaxBatches = invocation.Parse.GetValue(maxBatches) is { } max ? (max > 0 ? max : throw Bad("--max-batches takes a positive number")) : null,
                BatchTime = invocation.Parse.GetValue(batchTime) is { } time ? ConfigLoader.ParseDuration(time, "--batch-time") : options.BatchTime,
                BatchPause = invocation.Parse.GetValue(pause) is { } p ? ConfigLoader.ParseDuration(p, "--pause") : options.BatchPause,
                MaxLoad = invocation.Parse.GetValue(maxLoad) is { } load ? ConfigLoader.ParseLoad(load, "--max-load") : options.MaxLoad,
            };
            var result = await new OnlineReporter(invocation).RunAsync(onEvent =>
                invocation.Migrator(graph, onEvent, online: options).StartAsync(invocation.Parse.GetValue(revision), cancellationToken));
            await invocation.DecideAsync(result.Finished
                ? $"start online revision {result.RevisionId} on {invocation.Engine().DisplayName} (expand/contract: {string.Join("; ", result.Plan.Operations)}); " +
                  $"old and new code both work until `ratchet complete`{(result.Plan.VersionSchema is { } schema ? $"; new code uses search_path {schema}, public" : "")}"
                : $"start online revision {result.RevisionId} on {invocation.Engine().DisplayName}: stopped part-way (backfill paused), to be continued with `ratchet start`",
                cancellationToken);
            return Report(invocation, result, result.Finished
                ? $"Started {E(result.RevisionId)}. Old and new code both work now{(result.Plan.VersionSchema is { } s ? $" (new code: search_path = {E(s)}, public)" : "")}; " +
                  "deploy the new code, then run `ratchet complete` (or `ratchet abort`)."
                : $"Start of {E(result.RevisionId)} stopped part-way; `ratchet start` continues it, `ratchet abort` removes what it added.");
        });
        return command;
    }

    public static Command Complete(CommandRunner runner)
    {
        var command = new Command("complete", "Complete the started online revision: validate, swap, drop the old shape (old code must be gone)");
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var result = await new OnlineReporter(invocation).RunAsync(onEvent => invocation.Migrator(graph, onEvent).CompleteAsync(cancellationToken));
            await invocation.DecideAsync($"complete online revision {result.RevisionId} on {invocation.Engine().DisplayName}: contracted " +
                $"({string.Join("; ", result.Plan.Operations)}); rollback: `ratchet down` runs its planned down (blocking)", cancellationToken);
            return Report(invocation, result, $"Completed {E(result.RevisionId)}: it is applied; the old shape is gone.");
        });
        return command;
    }

    public static Command Abort(CommandRunner runner)
    {
        var command = new Command("abort", "Abort the online revision in progress: remove what start added (before complete swapped), losing no row");
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var result = await new OnlineReporter(invocation).RunAsync(onEvent => invocation.Migrator(graph, onEvent).AbortAsync(cancellationToken));
            await invocation.DecideAsync($"abort online revision {result.RevisionId} on {invocation.Engine().DisplayName}: removed what start added; the schema is as before",
                cancellationToken);
            return Report(invocation, result, $"Aborted {E(result.RevisionId)}: what start added is removed; it is pending again.");
        });
        return command;
    }

    private static int Report(Invocation invocation, OnlineResult result, string text)
    {
        if (invocation.Json)
        {
            invocation.WriteJsonLine(new JsonObject
            {
                ["event"] = "summary", ["id"] = result.RevisionId, ["state"] = result.State is { } state ? OnlineRecord.StateName(state) : "aborted",
                ["finished"] = result.Finished, ["versionSchema"] = result.Plan.VersionSchema, ["applied"] = JsonShapes.Strings(result.Applied),
            });
            return 0;
        }

        if (result.Applied.Count > 0)
        {
            invocation.Line($"Applied {result.Applied.Count} revision(s) it needs first: {E(string.Join(", ", result.Applied))}.");
        }

        invocation.Line(text);
        return 0;
    }

    private static RatchetException Bad(string message) => new(RatchetErrorKind.BadInput, message);
}
