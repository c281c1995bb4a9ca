using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet repair [--checksums]</c>: clears failed or interrupted revisions from the history and, with
/// <c>--checksums</c>, records the current checksums of edited applied revisions. Runs no migration.
/// </summary>
internal static class RepairCommand
{
    public static Command Create(CommandRunner runner)
    {
        var checksums = new Option<bool>("--checksums") { Description = "Also accept edited applied revisions: record their files' current checksums" };
        var command = new Command("repair", "Clear failed revisions from the history (and, with --checksums, accept edited files)") { checksums };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var result = await invocation.Migrator(graph).RepairAsync(invocation.Parse.GetValue(checksums), cancellationToken);
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject
                {
                    ["cleared"] = new JsonArray(result.Cleared.Select(c => (JsonNode)new JsonObject { ["id"] = c.RevisionId, ["statementsDone"] = c.StatementsDone }).ToArray()),
                    ["realigned"] = JsonShapes.Strings(result.Realigned),
                });
                return 0;
            }

            if (result.Cleared.Count + result.Realigned.Count == 0)
            {
                invocation.Line("Nothing to repair.");
            }

            foreach (var (id, done) in result.Cleared)
            {
                invocation.Line($"Cleared the failed state of {E(id)}: it is pending again. {done} of its statement(s) had completed and stay in the database; " +
                    "make its file safe to rerun (IF NOT EXISTS) or undo them by hand before `ratchet up`.");
            }

            foreach (var id in result.Realigned)
            {
                invocation.Line($"Recorded the current checksums of {E(id)}.");
            }

            return 0;
        });
        return command;
    }
}
