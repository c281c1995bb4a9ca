using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet new MESSAGE</c>: writes a new SQL revision whose parent is the current head.</summary>
internal static class NewCommand
{
    public static Command Create(CommandRunner runner)
    {
        var message = new Argument<string>("message") { Description = "What the revision does, in a few words" };
        var revises = new Option<string[]>("--revises") { Description = "Parent revision(s) instead of the current head", AllowMultipleArgumentsPerToken = true };
        var branch = new Option<string?>("--branch") { Description = "A branch label for this revision" };
        var dependsOn = new Option<string[]>("--depends-on") { Description = "Revision(s) of other branches this one needs", AllowMultipleArgumentsPerToken = true };
        var noTransaction = new Option<bool>("--no-transaction") { Description = "Write `-- ratchet:transaction off` (for CREATE INDEX CONCURRENTLY and the like)" };
        var id = new Option<string?>("--id") { Description = "The revision id (default: YYYYMMDD_NNN, today in UTC)" };
        var csharp = new Option<bool>("--cs") { Description = "Write a C# migration (typed operations) instead of SQL" };
        var command = new Command("new", "Write a new revision file (SQL, or C# with --cs)") { message, revises, branch, dependsOn, noTransaction, id, csharp };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var parse = invocation.Parse;
            var settings = invocation.Settings;
            if (!Directory.Exists(settings.MigrationsDirectory))
            {
                throw new RatchetException(RatchetErrorKind.BadInput, $"migrations folder '{settings.MigrationsDisplay}' does not exist")
                {
                    Hints = ["create it with `ratchet init`, or point --dir at it"],
                };
            }

            var graph = invocation.Graph();
            var parents = Parents(graph, parse.GetValue(revises) ?? []);
            var depends = (parse.GetValue(dependsOn) ?? []).Select(d => graph.Resolve(d).Id).ToList();
            var text = parse.GetValue(message)!;
            var newId = parse.GetValue(id) ?? SqlMigrationFileWriter.NextId(graph.Ordered.Select(r => r.Id), DateOnly.FromDateTime(DateTime.UtcNow));
            if (graph.Contains(newId))
            {
                throw new RatchetException(RatchetErrorKind.BadInput, $"revision id '{newId}' already exists ({graph[newId].Source.File})");
            }

            var labels = parse.GetValue(branch) is { } label ? new[] { label } : [];
            var transactional = !parse.GetValue(noTransaction);
            var fileName = parse.GetValue(csharp) ? Sources.CSharpTemplate.FileName(newId, text) : SqlMigrationFileWriter.FileName(newId, text);
            var path = Path.Combine(settings.MigrationsDirectory, fileName);
            File.WriteAllText(path, parse.GetValue(csharp)
                ? Sources.CSharpTemplate.Render(newId, text, parents, labels, depends, transactional)
                : SqlMigrationFileWriter.Render(text, parents, labels, depends, transactional));
            var shown = Path.Combine(settings.MigrationsDisplay, fileName);
            await invocation.DecideAsync($"new revision {newId} \"{text}\" ({shown}, revises {(parents.Count == 0 ? "base" : string.Join(", ", parents))})", cancellationToken);
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["id"] = newId, ["file"] = shown, ["parents"] = JsonShapes.Strings(parents) });
            }
            else
            {
                invocation.Line($"Created [bold]{Invocation.E(shown)}[/] (revises {Invocation.E(parents.Count == 0 ? "base" : string.Join(", ", parents))})");
            }

            return 0;
        });
        return command;
    }

    private static List<string> Parents(RevisionGraph graph, string[] given)
    {
        if (given.Length > 0)
        {
            return given.Where(g => g != "base").Select(g => graph.Resolve(g).Id).Distinct(StringComparer.Ordinal).ToList();
        }

        if (graph.Count == 0)
        {
            return [];
        }

        if (graph.Heads.Count > 1)
        {
            throw new TargetException(
                $"there are {graph.Heads.Count} heads ({string.Join(", ", graph.Heads.Select(h => h.Id))}); " +
                "join them first with `ratchet merge`, or choose a parent with --revises");
        }

        return [graph.Heads[0].Id];
    }
}
