using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet heads</c>: the revisions nothing revises yet.</summary>
internal static class HeadsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("heads", "List the heads of the revision graph");
        runner.SetAction(command, (invocation, _) =>
        {
            var graph = invocation.RequireRevisions();
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["heads"] = new JsonArray(graph.Heads.Select(h => (JsonNode)JsonShapes.Revision(h)).ToArray()) });
                return Task.FromResult(0);
            }

            foreach (var head in graph.Heads)
            {
                var labels = head.BranchLabels.Count == 0 ? "" : $" [dim]({E(string.Join(", ", head.BranchLabels))})[/]";
                invocation.Line($"{E(head.Id)} {E(head.Message)}{labels} [dim]{E(head.Source.File)}[/]");
            }

            if (graph.Heads.Count > 1)
            {
                invocation.Line($"[yellow]{graph.Heads.Count} heads:[/] join them with [bold]ratchet merge[/].");
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
