using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Revisions;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet stamp TARGET</c>: records the database as being at a revision without running anything.</summary>
internal static class StampCommand
{
    public static Command Create(CommandRunner runner)
    {
        var target = new Argument<string>("target") { Description = "The revision (or head, heads, base) the database already matches" };
        var command = new Command("stamp", "Record revisions as applied (or, for base, as not applied) without running them") { target };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var stamped = Target.Parse(invocation.Parse.GetValue(target)!);
            var (added, removed) = await invocation.Migrator(graph).StampAsync(stamped, cancellationToken);
            if (added.Count + removed.Count > 0)
            {
                await invocation.DecideAsync($"stamp {stamped.Text} on {invocation.Engine().DisplayName}: recorded {(added.Count == 0 ? "none" : string.Join(", ", added))} " +
                    $"as applied without running them; removed {(removed.Count == 0 ? "none" : string.Join(", ", removed))} from the history", cancellationToken);
            }

            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["stamped"] = JsonShapes.Strings(added), ["unstamped"] = JsonShapes.Strings(removed) });
                return 0;
            }

            invocation.Line(added.Count + removed.Count == 0
                ? "Nothing to do: the history already matches."
                : $"Stamped {added.Count} revision(s){(added.Count > 0 ? ": " + E(string.Join(", ", added)) : "")}; " +
                  $"removed {removed.Count}{(removed.Count > 0 ? ": " + E(string.Join(", ", removed)) : "")}. Nothing was executed.");
            return 0;
        });
        return command;
    }
}
