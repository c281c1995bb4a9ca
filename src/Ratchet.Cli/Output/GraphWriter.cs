using System.Text;
using Ratchet.Revisions;

namespace Ratchet.Cli.Output;

/// <summary>Draws the revision graph: parent edges solid, <c>depends-on</c> edges dotted, heads and merges marked.</summary>
internal static class GraphWriter
{
    public static string Mermaid(RevisionGraph graph)
    {
        var text = new StringBuilder("flowchart BT\n");
        foreach (var revision in graph.Ordered)
        {
            var label = Label(revision).Replace("\"", "#quot;", StringComparison.Ordinal);
            text.Append("    ").Append(Node(graph, revision.Id)).Append("[\"").Append(label).AppendLine("\"]");
        }

        foreach (var revision in graph.Ordered)
        {
            foreach (var parent in revision.Parents)
            {
                text.Append("    ").Append(Node(graph, parent)).Append(" --> ").AppendLine(Node(graph, revision.Id));
            }

            foreach (var dependency in revision.DependsOn)
            {
                text.Append("    ").Append(Node(graph, dependency)).Append(" -.-> ").AppendLine(Node(graph, revision.Id));
            }
        }

        return text.ToString();
    }

    public static string Dot(RevisionGraph graph)
    {
        var text = new StringBuilder("digraph ratchet {\n    rankdir=BT;\n    node [shape=box];\n");
        foreach (var revision in graph.Ordered)
        {
            var label = Label(revision).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            var style = graph.Heads.Contains(revision) ? ", style=bold" : "";
            text.Append("    \"").Append(revision.Id).Append("\" [label=\"").Append(label).Append('"').Append(style).AppendLine("];");
        }

        foreach (var revision in graph.Ordered)
        {
            foreach (var parent in revision.Parents)
            {
                text.Append("    \"").Append(parent).Append("\" -> \"").Append(revision.Id).AppendLine("\";");
            }

            foreach (var dependency in revision.DependsOn)
            {
                text.Append("    \"").Append(dependency).Append("\" -> \"").Append(revision.Id).AppendLine("\" [style=dotted];");
            }
        }

        return text.Append("}\n").ToString();
    }

    private static string Label(Revision revision)
    {
        var labels = revision.BranchLabels.Count == 0 ? "" : $" [{string.Join(", ", revision.BranchLabels)}]";
        return $"{revision.Id}{labels}: {revision.Message}";
    }

    /// <summary>Mermaid node ids must be simple words; the position in the graph keeps them unique.</summary>
    private static string Node(RevisionGraph graph, string id) =>
        "r" + graph.PositionOf(id).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
