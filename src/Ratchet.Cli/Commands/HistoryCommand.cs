using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Spectre.Console;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet history</c>: the applied revisions, or with <c>--log</c> every event.</summary>
internal static class HistoryCommand
{
    public static Command Create(CommandRunner runner)
    {
        var log = new Option<bool>("--log") { Description = "Show the append-only event log (every up, down, stamp and failure)" };
        var command = new Command("history", "Show the revisions applied to the database") { log };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var migrator = new Execution.Migrator(invocation.Engine(), new Revisions.RevisionGraph([]));
            if (invocation.Parse.GetValue(log))
            {
                var events = await migrator.ReadLogAsync(cancellationToken);
                if (invocation.Json)
                {
                    invocation.WriteJson(new JsonObject { ["log"] = new JsonArray(events.Select(e => (JsonNode)JsonShapes.Log(e)).ToArray()) });
                    return 0;
                }

                var table = new Table().AddColumns("#", "Revision", "Action", "At (UTC)", "By", "ms", "Detail");
                foreach (var e in events)
                {
                    table.AddRow(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), E(e.RevisionId), E(e.Action), E(JsonShapes.Time(e.At)),
                        E(e.By), e.DurationMs.ToString(System.Globalization.CultureInfo.InvariantCulture), E(e.Detail));
                }

                invocation.Console.Write(table);
                return 0;
            }

            var history = await migrator.ReadHistoryAsync(cancellationToken);
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject
                {
                    ["database"] = invocation.Settings.Url.Redacted,
                    ["history"] = new JsonArray(history.Select(h => (JsonNode)JsonShapes.History(h)).ToArray()),
                });
                return 0;
            }

            if (history.Count == 0)
            {
                invocation.Line("No revision has been applied to this database.");
                return 0;
            }

            var rows = new Table().AddColumns("#", "Revision", "Message", "State", "Applied at (UTC)", "By", "ms");
            foreach (var h in history)
            {
                rows.AddRow(h.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), E(h.RevisionId), E(h.Message),
                    E(h.StateName), E(JsonShapes.Time(h.AppliedAt)), E(h.AppliedBy),
                    h.DurationMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            invocation.Console.Write(rows);
            return 0;
        });
        return command;
    }
}
