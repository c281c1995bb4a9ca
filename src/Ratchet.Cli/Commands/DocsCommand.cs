using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Execution;
using Ratchet.Knowledge;
using Ratchet.Revisions;
using Ratchet.Safety;
using Ratchet.Schema;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet docs [--check]</c>: regenerates the managed parts of <c>kb/backend-patterns.md</c>: the schema the
/// migrations build (replayed on a scratch database) with an ER diagram, and a section per revision with its strategy,
/// rollback, risks (lint) and verification (the last <c>ratchet verify</c>). Text outside the markers is kept; running
/// it twice changes nothing. <c>--check</c> writes nothing and exits 3 when the file is not up to date.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 3 when the file is not up to date (for CI)" };
        var command = new Command("docs", "Write the managed sections of kb/backend-patterns.md: the current schema and a section per migration") { check };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var path = invocation.Settings.Knowledge.BackendPatterns;
            var shown = invocation.Settings.Knowledge.Show(path);
            var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
            var text = await RenderAsync(invocation, graph, existing, cancellationToken);
            var changed = !string.Equals(text, existing, StringComparison.Ordinal);
            if (invocation.Parse.GetValue(check))
            {
                if (invocation.Json)
                {
                    invocation.WriteJson(new JsonObject { ["file"] = shown, ["upToDate"] = !changed });
                }
                else
                {
                    invocation.Line(changed ? $"[red]{E(shown)} is not up to date:[/] run `ratchet docs`" : $"{E(shown)} is up to date.");
                }

                return changed ? (int)RatchetErrorKind.CheckFailed : 0;
            }

            if (changed)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, cancellationToken);
            }

            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["file"] = shown, ["written"] = changed, ["migrations"] = graph.Count });
            }
            else
            {
                invocation.Line(changed
                    ? $"Wrote {E(shown)}: the current schema and {graph.Count} migration section(s)."
                    : $"{E(shown)} is up to date; nothing written.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The file with its managed regions brought up to date.</summary>
    public static async Task<string> RenderAsync(Invocation invocation, RevisionGraph graph, string existing, CancellationToken cancellationToken)
    {
        var schema = await SchemaAtHeadsAsync(invocation, graph, cancellationToken);
        var report = new Linter(new LintOptions { Target = DecisionText.Target(invocation) }).Lint(graph);
        var records = VerifiedRecord.Load(VerifyRecords(invocation));
        var revisions = graph.Ordered.Select(r => (r, StrategyAdvisor.For(r, report.Findings.Where(f => f.Revision == r.Id).ToList()),
            records.TryGetValue(r.Id, out var v) && v.Checksum == VerifiedRecord.ChecksumOf(r) ? v : null)).ToList();
        return BackendPatterns.Update(existing, schema, string.Join(", ", graph.Heads.Select(h => h.Id)), revisions);
    }

    /// <summary>The schema the migrations build: every head applied on a scratch database.</summary>
    public static async Task<SchemaModel> SchemaAtHeadsAsync(Invocation invocation, RevisionGraph graph, CancellationToken cancellationToken)
    {
        await using var scratch = await invocation.Engine().CreateScratchAsync(cancellationToken);
        var migrator = new Migrator(scratch.Engine, graph, new MigratorOptions { TrackSchema = false, RunOnline = true });
        await migrator.UpAsync(Target.Heads, cancellationToken);
        return await migrator.ReadSchemaAsync(cancellationToken);
    }

    /// <summary>Where <c>ratchet verify</c> keeps what it found: in the knowledge folder, with the team's other records.</summary>
    public static string VerifyRecords(Invocation invocation) => Path.Combine(invocation.Settings.Knowledge.Folder, "verify.json");
}
