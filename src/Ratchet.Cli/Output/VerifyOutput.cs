using System.Globalization;
using System.Text.Json.Nodes;
using Ratchet.Verification;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Output;

/// <summary>What <c>ratchet verify</c> prints: a line per revision as it is reached, then a summary; or one JSON document.</summary>
internal sealed class VerifyOutput(Invocation invocation)
{
    public void Started(string engine, int count, VerifyOptions options)
    {
        if (!invocation.Json)
        {
            invocation.Line($"Verifying {count} revision(s) on {E(engine)}: up, down, up again{(options.Data ? $", with {options.RowsPerTable} generated rows per table (seed {options.Seed})" : "")}");
        }
    }

    public void Verdict(RevisionVerdict verdict)
    {
        if (invocation.Json)
        {
            return;
        }

        var r = verdict.Revision;
        var (label, color) = verdict.Outcome switch
        {
            VerdictOutcome.Passed => ("passed ", "green"),
            VerdictOutcome.UpOnly => ("up only", "yellow"),
            VerdictOutcome.NotRun => ("not run", "dim"),
            _ => ("FAILED ", "red"),
        };
        var time = verdict.Outcome == VerdictOutcome.NotRun ? "" : $" [dim]({Ms(verdict.Duration)} ms)[/]";
        invocation.Line($"  [{color}]{label}[/] {E(r.Id)} {E(r.Message)}{time}");
        if (verdict.Outcome == VerdictOutcome.UpOnly)
        {
            invocation.Line("          [dim]no down section: the revision cannot be reverted, so only its up was tested[/]");
        }

        if (verdict.Error is { } error)
        {
            invocation.Line($"          [red]{E(error)}[/]");
        }

        foreach (var problem in verdict.SchemaProblems)
        {
            invocation.Line($"          [red]schema:[/] {E(problem)}");
        }

        foreach (var finding in verdict.AfterUp.Concat(verdict.AfterDown))
        {
            var tag = finding.Kind switch
            {
                DataFindingKind.DroppedOnPurpose => "[dim]data, dropped on purpose:[/]",
                DataFindingKind.Changed => "[dim]data, changed by up:[/]",
                DataFindingKind.Lost => "[red]data lost by up:[/]",
                _ => "[red]data not restored by down:[/]",
            };
            invocation.Line($"          {tag} {E(finding.Message)}");
        }

        foreach (var (table, reason) in verdict.Fill.Skipped)
        {
            invocation.Line($"          [yellow]no generated rows for {E(table)}:[/] {E(reason)}");
        }
    }

    public void Finished(VerifyReport report)
    {
        if (invocation.Json)
        {
            invocation.WriteJson(Json(report));
            return;
        }

        var counts = report.Revisions.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var summary = $"{counts.GetValueOrDefault(VerdictOutcome.Passed)} passed, {counts.GetValueOrDefault(VerdictOutcome.UpOnly)} up only, " +
            $"{counts.GetValueOrDefault(VerdictOutcome.Failed)} failed, {counts.GetValueOrDefault(VerdictOutcome.NotRun)} not run";
        invocation.Line(report.Passed
            ? $"[green]Verified[/] {report.Revisions.Count} revision(s) in {Seconds(report.Duration)} s: {summary}. The scratch database was dropped."
            : $"[red]Verification failed[/] ({summary}) in {Seconds(report.Duration)} s. The scratch database was dropped.");
    }

    public static JsonObject Json(VerifyReport report) => new()
    {
        ["engine"] = report.Engine,
        ["data"] = report.Options.Data,
        ["rowsPerTable"] = report.Options.RowsPerTable,
        ["seed"] = report.Options.Seed,
        ["passed"] = report.Passed,
        ["durationMs"] = (long)report.Duration.TotalMilliseconds,
        ["revisions"] = new JsonArray(report.Revisions.Select(v => (JsonNode)new JsonObject
        {
            ["id"] = v.Revision.Id,
            ["message"] = v.Revision.Message,
            ["file"] = v.Revision.Source.File,
            ["outcome"] = v.Outcome switch
            {
                VerdictOutcome.Passed => "passed",
                VerdictOutcome.UpOnly => "up-only",
                VerdictOutcome.NotRun => "not-run",
                _ => "failed",
            },
            ["durationMs"] = (long)v.Duration.TotalMilliseconds,
            ["error"] = v.Error,
            ["schemaProblems"] = JsonShapes.Strings(v.SchemaProblems),
            ["afterUp"] = Findings(v.AfterUp),
            ["afterDown"] = Findings(v.AfterDown),
            ["generatedRows"] = new JsonObject(v.Fill.Added.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
            ["notFilled"] = new JsonObject(v.Fill.Skipped.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
        }).ToArray()),
    };

    private static JsonArray Findings(IReadOnlyList<DataFinding> findings) => new(findings.Select(f => (JsonNode)new JsonObject
    {
        ["kind"] = f.Kind switch
        {
            DataFindingKind.DroppedOnPurpose => "dropped-on-purpose",
            DataFindingKind.Lost => "lost",
            DataFindingKind.Changed => "changed",
            _ => "not-restored",
        },
        ["table"] = f.Table,
        ["column"] = f.Column,
        ["rows"] = f.Rows,
        ["message"] = f.Message,
    }).ToArray());

    private static string Ms(TimeSpan t) => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
}
