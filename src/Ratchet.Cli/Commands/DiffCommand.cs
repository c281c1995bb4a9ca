using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Schema;
using Ratchet.Sources;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet diff --to DESIRED [--write]</c>: the revision that turns the schema the migrations build into the
/// desired one, with its down; checked on a scratch database before it is shown or written (exit 3 when it does not
/// reach the desired schema or its down does not come back).
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CommandRunner runner)
    {
        var to = new Option<string>("--to") { Description = "The desired schema: a .sql file, a Markdown design note (its ```sql blocks) or a database URL", Required = true };
        var write = new Option<bool>("--write") { Description = "Write the revision into the migrations folder" };
        var rename = new Option<string[]>("--rename")
        {
            Description = "Treat a drop and an add as a rename: old=new for a table, table.old=new for a column (repeatable)",
            AllowMultipleArgumentsPerToken = true,
        };
        var message = new Option<string?>("--message", "-m") { Description = "The revision's message (default: \"match <file>\")" };
        var id = new Option<string?>("--id") { Description = "The revision id (default: YYYYMMDD_NNN, today in UTC)" };
        var force = new Option<bool>("--force") { Description = "Write the revision even when the scratch check finds differences" };
        var command = new Command("diff", "Write the revision that turns the migrations' schema into a desired one (checked on a scratch database)")
        {
            to, write, rename, message, id, force,
        };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var parse = invocation.Parse;
            var settings = invocation.Settings;
            var renames = (parse.GetValue(rename) ?? []).Select(SchemaRename.Parse).ToList();
            var graph = invocation.Graph();
            var engine = invocation.Engine();
            await using var bench = await DiffWorkbench.OpenAsync(engine, graph, cancellationToken);
            var (desired, shown) = await bench.DesiredAsync(parse.GetValue(to)!, settings, invocation.Environment.WorkingDirectory, cancellationToken);
            var stages = SchemaDiff.Stages(bench.Current, desired);
            var changes = stages.Select((stage, k) => SchemaDiff.Compare(k == 0 ? bench.Current : stages[k - 1], stage, engine.Dialect, engine.Capabilities,
                k == stages.Count - 1 ? renames : [])).ToList();
            var source = graph.Count == 0 ? "an empty database" : $"the {graph.Count} revision(s) in {settings.MigrationsDisplay}";
            if (SchemaComparer.AreEqual(bench.Current, desired))
            {
                if (invocation.Json)
                {
                    invocation.WriteJson(new JsonObject { ["from"] = source, ["to"] = shown, ["changes"] = false, ["revisions"] = new JsonArray() });
                }
                else
                {
                    invocation.Line($"No difference: {E(source)} already build{(graph.Count == 1 ? "s" : "")} the schema of {E(shown)}.");
                }

                return 0;
            }

            var text = parse.GetValue(message) ?? $"match {Path.GetFileNameWithoutExtension(shown)}";
            var drafts = new List<Draft>();
            var ids = graph.Ordered.Select(r => r.Id).ToList();
            var parents = graph.Heads.Select(h => h.Id).ToList();
            for (var k = 0; k < changes.Count; k++)
            {
                var last = k == changes.Count - 1;
                var newId = last && parse.GetValue(id) is { } given ? given : SqlMigrationFileWriter.NextId(ids, DateOnly.FromDateTime(DateTime.UtcNow));
                if (graph.Contains(newId) || ids.Contains(newId))
                {
                    throw new RatchetException(RatchetErrorKind.BadInput, $"revision id '{newId}' already exists");
                }

                var stageMessage = last ? text : $"{text}: new enum values first";
                var (up, down) = (bench.Render(changes[k].Up), bench.Render(changes[k].Down));
                var fileName = SqlMigrationFileWriter.FileName(newId, stageMessage);
                var fileText = Header(shown, changes[k], last ? null : "PostgreSQL cannot use an enum value in the transaction that adds it: the values come in this revision, the rest in the next")
                    + SqlMigrationFileWriter.Render(stageMessage, parents, [], [], transactional: true, up, down);
                var shownFile = Path.Combine(settings.MigrationsDisplay, fileName);
                drafts.Add(new Draft(newId, fileName, shownFile, fileText, up, down, changes[k], SqlFileSource.FromText(shownFile, fileText)));
                ids.Add(newId);
                parents = [newId];
            }

            var problems = await bench.CheckAsync(drafts.Select(d => d.Revision).ToList(), stages, cancellationToken);
            var written = parse.GetValue(write) && (problems.Count == 0 || parse.GetValue(force));
            if (written)
            {
                Directory.CreateDirectory(settings.MigrationsDirectory);
                foreach (var draft in drafts)
                {
                    await File.WriteAllTextAsync(Path.Combine(settings.MigrationsDirectory, draft.FileName), draft.Text, cancellationToken);
                }
            }

            Report(invocation, drafts, problems, source, shown, written, parse.GetValue(write));
            return problems.Count == 0 ? 0 : (int)RatchetErrorKind.CheckFailed;
        });
        return command;
    }

    /// <summary>Comment lines for the top of the file: where it came from, what to review.</summary>
    private static string Header(string shown, SchemaChange change, string? why)
    {
        var text = new StringBuilder($"-- Written by `ratchet diff --to {shown}`: review it before it runs.\n");
        if (why is not null)
        {
            text.Append("-- ").AppendLine(why);
        }

        foreach (var note in change.Notes)
        {
            text.Append("-- note: ").AppendLine(note);
        }

        foreach (var candidate in change.RenameCandidates)
        {
            text.Append("-- warning: ").AppendLine(candidate.ToString());
        }

        return text.ToString();
    }

    private sealed record Draft(string Id, string FileName, string Shown, string Text, string Up, string Down, SchemaChange Change, Revisions.Revision Revision);

    private static void Report(Invocation invocation, List<Draft> drafts, IReadOnlyList<string> problems, string source, string shown, bool written, bool writeAsked)
    {
        if (invocation.Json)
        {
            invocation.WriteJson(new JsonObject
            {
                ["from"] = source,
                ["to"] = shown,
                ["changes"] = true,
                ["revisions"] = new JsonArray(drafts.Select(d => (JsonNode)new JsonObject
                {
                    ["id"] = d.Id,
                    ["file"] = d.Shown,
                    ["written"] = written,
                    ["up"] = d.Up,
                    ["down"] = d.Down,
                    ["notes"] = JsonShapes.Strings(d.Change.Notes),
                    ["renameCandidates"] = new JsonArray(d.Change.RenameCandidates.Select(c => (JsonNode)new JsonObject
                    {
                        ["what"] = c.What,
                        ["rename"] = c.Rename.ToString(),
                    }).ToArray()),
                }).ToArray()),
                ["checked"] = problems.Count == 0,
                ["problems"] = JsonShapes.Strings(problems),
            });
            return;
        }

        invocation.Line($"From {E(source)} to {E(shown)}:");
        foreach (var draft in drafts)
        {
            invocation.Line();
            invocation.Line($"[bold]{E(draft.Shown)}[/]");
            foreach (var candidate in draft.Change.RenameCandidates)
            {
                invocation.Line($"[yellow]warning:[/] {E(candidate.What)} look like a rename; written as a drop and an add. If it is one: [bold]--rename {E(candidate.Rename.ToString())}[/]");
            }

            foreach (var note in draft.Change.Notes)
            {
                invocation.Line($"[dim]note:[/] {E(note)}");
            }

            invocation.Line("[bold]-- up[/]");
            invocation.Line(E(draft.Up));
            invocation.Line("[bold]-- down[/]");
            invocation.Line(E(draft.Down));
        }

        invocation.Line();
        if (problems.Count > 0)
        {
            invocation.Line("[red]The scratch check found differences[/] (run up and down on a scratch database, the revision does not give the expected schema):");
            foreach (var problem in problems)
            {
                invocation.Line($"  [red]~[/] {E(problem)}");
            }
        }
        else
        {
            invocation.Line("[green]Checked on a scratch database:[/] up gives the desired schema, down gives back the current one.");
        }

        if (written)
        {
            invocation.Line($"Created {string.Join(", ", drafts.Select(d => $"[bold]{E(d.Shown)}[/]"))}");
        }
        else if (writeAsked)
        {
            invocation.Line("Nothing written: fix what the check found in the revision by hand, or write it anyway with --force.");
        }
        else
        {
            invocation.Line("Run again with [bold]--write[/] to save it as a revision.");
        }
    }
}
