using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet graph</c>: the revision graph as Mermaid or Graphviz DOT.</summary>
internal static class GraphCommand
{
    public static Command Create(CommandRunner runner)
    {
        var format = new Option<string>("--format") { Description = "mermaid (default) or dot", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command("graph", "Print the revision graph (Mermaid or DOT)") { format };
        runner.SetAction(command, (invocation, _) =>
        {
            var graph = invocation.RequireRevisions();
            var text = invocation.Parse.GetValue(format) == "dot" ? GraphWriter.Dot(graph) : GraphWriter.Mermaid(graph);
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["format"] = invocation.Parse.GetValue(format), ["graph"] = text });
            }
            else
            {
                invocation.Environment.Out.Write(text);
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
