using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Execution;
using Ratchet.History;
using Spectre.Console;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet status</c>: where the database is, what is pending, what is wrong.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("status", "Show applied and pending revisions, heads, and problems");
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var migrator = invocation.Migrator(graph);
            var status = await migrator.StatusAsync(cancellationToken);
            var online = status.DatabaseExists ? (await migrator.ReadOnlineAsync(cancellationToken)).Where(r => r.InProgress).ToList() : [];
            var applied = status.History.Where(h => h.IsApplied).Select(h => h.RevisionId).ToHashSet(StringComparer.Ordinal);
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject
                {
                    ["database"] = invocation.Settings.Url.Redacted,
                    ["databaseExists"] = status.DatabaseExists,
                    ["migrations"] = invocation.Settings.MigrationsDisplay,
                    ["revisions"] = graph.Count,
                    ["applied"] = new JsonArray(status.History.Select(h => (JsonNode)JsonShapes.History(h)).ToArray()),
                    ["pending"] = new JsonArray(status.Pending.Select(r => (JsonNode)JsonShapes.Revision(r)).ToArray()),
                    ["current"] = JsonShapes.Strings(status.Current),
                    ["heads"] = new JsonArray(status.Heads.Select(h => (JsonNode)new JsonObject { ["id"] = h.Id, ["applied"] = applied.Contains(h.Id) }).ToArray()),
                    ["problems"] = new JsonArray(status.Problems.Select(p => (JsonNode)JsonShapes.Problem(p)).ToArray()),
                    ["databaseProblems"] = JsonShapes.Strings(status.DatabaseProblems),
                    ["drift"] = JsonShapes.Strings(status.Drift),
                    ["online"] = new JsonArray(online.Select(r => (JsonNode)OnlineStatus.Json(r)).ToArray()),
                });
                return 0;
            }

            Render(invocation, status, applied, graph.Count);
            OnlineStatus.Render(invocation, online);
            return 0;
        });
        return command;
    }

    private static void Render(Invocation invocation, DatabaseStatus status, HashSet<string> applied, int total)
    {
        var settings = invocation.Settings;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("Database", $"{E(settings.Url.Redacted)} [dim](from {E(settings.UrlSource)})[/]" + (status.DatabaseExists ? "" : " [yellow]does not exist yet[/]"));
        grid.AddRow("Migrations", $"{E(settings.MigrationsDisplay)} ({total} revisions, {status.Heads.Count} head{(status.Heads.Count == 1 ? "" : "s")})");
        grid.AddRow("Applied", $"{applied.Count} of {total}, {status.Pending.Count} pending");
        grid.AddRow("Current", status.Current.Count == 0 ? "base (nothing applied)" : E(string.Join(", ", status.Current)));
        grid.AddRow("Heads", string.Join(", ", status.Heads.Select(h => $"{E(h.Id)} {(applied.Contains(h.Id) ? "[green](applied)[/]" : "[yellow](pending)[/]")}")));
        invocation.Console.Write(grid);

        var partial = status.History.Where(h => h.State is HistoryState.Failed or HistoryState.Running).ToList();
        foreach (var entry in partial)
        {
            invocation.Line($"[red]{E(entry.RevisionId)} {E(entry.StateName)} part-way:[/] {E(entry.Error ?? "interrupted")} " +
                $"[dim]({entry.Journal.Count} statement(s) done; fix the file and run `ratchet up` to resume, or `ratchet repair`)[/]");
        }

        if (status.Pending.Count > 0)
        {
            var table = new Table().Title("Pending").AddColumns("Revision", "Message", "File");
            foreach (var revision in status.Pending)
            {
                table.AddRow(E(revision.Id), E(revision.Message), E(revision.Source.File));
            }

            invocation.Console.Write(table);
        }
        else
        {
            invocation.Line("Nothing pending: the database is at head.");
        }

        if (status.Heads.Count > 1)
        {
            invocation.Line($"[yellow]{status.Heads.Count} heads:[/] join them with [bold]ratchet merge[/] before `ratchet up`.");
        }

        foreach (var problem in status.Problems.Where(p => p.Kind != ValidationProblemKind.Failed))
        {
            invocation.Line($"[red]{E(problem.Kind.ToString().ToLowerInvariant())}:[/] {E(problem.Message)}");
        }

        foreach (var problem in status.DatabaseProblems)
        {
            invocation.Line($"[red]database:[/] {E(problem)}");
        }

        if (status.Drift.Count > 0)
        {
            invocation.Line($"[yellow]warning: schema drift[/]: the live schema differs from the one recorded after the last ratchet run " +
                $"({status.Drift.Count} difference{(status.Drift.Count == 1 ? "" : "s")}; `ratchet validate` fails on it):");
            foreach (var difference in status.Drift)
            {
                invocation.Line($"  [yellow]~[/] {E(difference)}");
            }
        }
    }
}
