using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Knowledge;
using Ratchet.Safety;
using Ratchet.Schema;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet preflight</c>: what a careful engineer reads before starting: the knowledge base (and whether its schema
/// section matches the live database), the API contracts, the design notes, the last migration commits, the database's
/// state and the lint summary of the pending revisions; then a verdict, ready (exit 0) or blocked with the reasons
/// (exit 3).
/// </summary>
internal static class PreflightCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("preflight", "Read the knowledge base, design notes, history and database state, and say whether it is safe to start");
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var kb = invocation.Settings.Knowledge;
            var migrator = invocation.Migrator(graph);
            var status = await migrator.StatusAsync(cancellationToken);
            var live = status.DatabaseExists ? await migrator.ReadSchemaAsync(cancellationToken) : null;
            var blocked = new List<string>();
            var notes = new List<string>();

            // Knowledge base.
            var patterns = File.Exists(kb.BackendPatterns) ? await File.ReadAllTextAsync(kb.BackendPatterns, cancellationToken) : null;
            var headings = patterns is null ? [] : Headings(patterns);
            var recorded = patterns is null ? null : BackendPatterns.RecordedFingerprint(patterns);
            var schemaState = patterns is null ? "missing (run `ratchet docs` to write it)"
                : recorded is null ? "no schema section (run `ratchet docs`)"
                : live is null ? "the database does not exist yet"
                : recorded == SchemaComparer.Fingerprint(live) ? "matches the live database"
                : status.Pending.Count > 0 ? $"describes the schema at head; the database has {status.Pending.Count} pending revision(s)"
                : "differs from the live database (run `ratchet docs`, and look at drift)";
            if (recorded is not null && live is not null && recorded != SchemaComparer.Fingerprint(live) && status.Pending.Count == 0)
            {
                notes.Add($"{kb.Show(kb.BackendPatterns)}: its schema section differs from the live database");
            }

            // Contracts and design notes.
            var contracts = File.Exists(kb.ApiContracts) ? Headings(await File.ReadAllTextAsync(kb.ApiContracts, cancellationToken)) : null;
            var designs = new List<(string File, string Title, int Blocks)>();
            foreach (var file in kb.FindDesignNotes())
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                var title = text.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? Path.GetFileNameWithoutExtension(file);
                designs.Add((kb.Show(file), title, SqlBlocks(text)));
            }

            // History of the repository.
            var commits = GitMigrationCommits(kb.ProjectFolder);

            // Database state.
            if (graph.Heads.Count > 1)
            {
                blocked.Add($"the migrations have {graph.Heads.Count} heads ({string.Join(", ", graph.Heads.Select(h => h.Id))}): join them with `ratchet merge`");
            }

            blocked.AddRange(status.Drift.Select(d => $"schema drift: {d}"));
            blocked.AddRange(status.Problems.Select(p => $"{p.Kind.ToString().ToLowerInvariant()}: {p.Message}"));
            blocked.AddRange(status.DatabaseProblems.Select(p => $"database: {p}"));

            // Lint of what is pending.
            var pending = status.Pending.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var lint = new Linter(new LintOptions { Target = DecisionText.Target(invocation), RunnerLockTimeoutOff = invocation.Settings.StatementLockTimeout == TimeSpan.Zero })
                .Lint(graph, r => pending.Contains(r.Id));
            var errors = lint.Active.Where(f => f.Severity == Severity.Error).ToList();
            blocked.AddRange(errors.Select(e => $"lint {e.Rule} in {e.File}:{e.Line}: {e.Message}"));

            var ready = blocked.Count == 0;
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject
                {
                    ["ready"] = ready,
                    ["blocked"] = JsonShapes.Strings(blocked),
                    ["notes"] = JsonShapes.Strings(notes),
                    ["knowledge"] = new JsonObject
                    {
                        ["backendPatterns"] = kb.Show(kb.BackendPatterns),
                        ["exists"] = patterns is not null,
                        ["headings"] = JsonShapes.Strings(headings),
                        ["schemaSection"] = schemaState,
                    },
                    ["apiContracts"] = contracts is null ? null : JsonShapes.Strings(contracts),
                    ["designNotes"] = new JsonArray(designs.Select(d => (JsonNode)new JsonObject
                    {
                        ["file"] = d.File, ["title"] = d.Title, ["sqlBlocks"] = d.Blocks, ["diff"] = $"ratchet diff --to {d.File}",
                    }).ToArray()),
                    ["recentMigrationCommits"] = JsonShapes.Strings(commits),
                    ["database"] = new JsonObject
                    {
                        ["url"] = invocation.Engine().DisplayName,
                        ["exists"] = status.DatabaseExists,
                        ["current"] = JsonShapes.Strings(status.Current),
                        ["pending"] = JsonShapes.Strings(status.Pending.Select(p => p.Id)),
                        ["heads"] = JsonShapes.Strings(graph.Heads.Select(h => h.Id)),
                        ["drift"] = JsonShapes.Strings(status.Drift),
                        ["failed"] = JsonShapes.Strings(status.History.Where(h => !h.IsApplied).Select(h => h.RevisionId)),
                    },
                    ["lint"] = new JsonObject
                    {
                        ["target"] = lint.Target.ToString(),
                        ["errors"] = errors.Count,
                        ["warnings"] = lint.Active.Count(f => f.Severity == Severity.Warning),
                        ["ignored"] = lint.Findings.Count(f => f.SuppressedBecause is not null),
                    },
                });
                return ready ? 0 : (int)RatchetErrorKind.CheckFailed;
            }

            invocation.Line("[bold]Knowledge base[/]");
            invocation.Line($"  {E(kb.Show(kb.BackendPatterns))}: {(patterns is null ? "missing" : $"{headings.Count} section(s)")}; schema section {E(schemaState)}");
            foreach (var heading in headings.Take(12))
            {
                invocation.Line($"    - {E(heading)}");
            }

            invocation.Line("[bold]API contracts[/]");
            invocation.Line(contracts is null ? "  No contracts yet." : $"  {E(kb.Show(kb.ApiContracts))}: {E(string.Join("; ", contracts))}");
            invocation.Line("[bold]Design notes[/]");
            if (designs.Count == 0)
            {
                invocation.Line($"  none matching {E(kb.DesignNotes)}");
            }

            foreach (var d in designs)
            {
                invocation.Line($"  {E(d.File)}: {E(d.Title)} ({d.Blocks} SQL block(s)); to turn it into a revision: [bold]ratchet diff --to {E(d.File)}[/]");
            }

            invocation.Line("[bold]Recent migration commits[/]");
            foreach (var commit in commits.DefaultIfEmpty("  none found"))
            {
                invocation.Line($"  {E(commit.Trim())}");
            }

            invocation.Line("[bold]Database[/]");
            invocation.Line($"  {E(invocation.Engine().DisplayName)}: {(status.DatabaseExists ? "" : "not created yet; ")}at {E(status.Current.Count == 0 ? "base" : string.Join(", ", status.Current))}, " +
                $"{status.Pending.Count} pending, heads {E(string.Join(", ", graph.Heads.Select(h => h.Id)))}");
            foreach (var d in status.Drift)
            {
                invocation.Line($"  [yellow]drift:[/] {E(d)}");
            }

            invocation.Line("[bold]Lint of pending revisions[/]");
            invocation.Line($"  {E(LintOutput.Summary(lint))}");
            invocation.Line();
            foreach (var note in notes)
            {
                invocation.Line($"[yellow]note:[/] {E(note)}");
            }

            if (ready)
            {
                invocation.Line("[green]Verdict: ready.[/]");
                return 0;
            }

            invocation.Line("[red]Verdict: blocked.[/]");
            foreach (var reason in blocked)
            {
                invocation.Line($"  - {E(reason)}");
            }

            return (int)RatchetErrorKind.CheckFailed;
        });
        return command;
    }

    private static List<string> Headings(string markdown) =>
        markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();

    private static int SqlBlocks(string markdown) =>
        markdown.Split('\n').Count(l => l.TrimStart().StartsWith("```sql", StringComparison.OrdinalIgnoreCase));

    /// <summary>The last five commits that mention migrations (<c>git log --all --grep=migration</c>), or why there are none.</summary>
    private static List<string> GitMigrationCommits(string folder)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "log", "--all", "-i", "--grep=migration", "-n", "5", "--date=short", "--format=%h %ad %s" })
            {
                start.ArgumentList.Add(arg);
            }

            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0
                ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()
                : ["(not a git repository)"];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ["(git is not installed)"];
        }
    }
}
