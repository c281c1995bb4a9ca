using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Sources;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet merge [REVISIONS...]</c>: writes a revision that joins heads (default: all of them).</summary>
internal static class MergeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var revisions = new Argument<string[]>("revisions") { Description = "The revisions to join (default: every head)", Arity = ArgumentArity.ZeroOrMore };
        var message = new Option<string?>("--message", "-m") { Description = "The merge revision's message" };
        var command = new Command("merge", "Write a revision that joins two or more heads") { revisions, message };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var given = invocation.Parse.GetValue(revisions) ?? [];
            var parents = (given.Length > 0 ? given.Select(g => graph.Resolve(g).Id) : graph.Heads.Select(h => h.Id))
                .Distinct(StringComparer.Ordinal).ToList();
            if (parents.Count < 2)
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    given.Length > 0 ? "merge needs at least two revisions" : $"there is only one head ({string.Join(", ", parents)}); nothing to merge");
            }

            var text = invocation.Parse.GetValue(message) ?? $"Merge {string.Join(" and ", parents)}";
            var id = SqlMigrationFileWriter.NextId(graph.Ordered.Select(r => r.Id), DateOnly.FromDateTime(DateTime.UtcNow));
            var fileName = SqlMigrationFileWriter.FileName(id, text);
            File.WriteAllText(Path.Combine(invocation.Settings.MigrationsDirectory, fileName),
                SqlMigrationFileWriter.Render(text, parents, [], [], transactional: true));
            var shown = Path.Combine(invocation.Settings.MigrationsDisplay, fileName);
            await invocation.DecideAsync($"merge revision {id} \"{text}\" joins {string.Join(", ", parents)} ({shown})", cancellationToken);
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["id"] = id, ["file"] = shown, ["parents"] = JsonShapes.Strings(parents) });
            }
            else
            {
                invocation.Line($"Created [bold]{E(shown)}[/] merging {E(string.Join(", ", parents))}");
            }

            return 0;
        });
        return command;
    }
}
