using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ratchet.Safety;

namespace Ratchet.Cli.Output;

/// <summary>The text (grouped by file) and JSON reports of <c>ratchet lint</c>.</summary>
internal static class LintOutput
{
    public static string Text(LintReport report)
    {
        var text = new StringBuilder();
        foreach (var file in report.Findings.GroupBy(f => f.File))
        {
            text.AppendLine(file.Key);
            foreach (var f in file)
            {
                var where = f.Line > 0 ? $"{f.Line}:{f.Column}" : "-";
                var severity = f.SuppressedBecause is null ? Name(f.Severity) : "ignored";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {where,-7} {severity,-8} {f.Rule}  {f.Message}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {"",-7} {"",-8}         {(f.SuppressedBecause is { } why ? "ignored because: " + why : "fix: " + f.Fix)}");
            }

            text.AppendLine();
        }

        if (report.Traces.Count > 0)
        {
            text.AppendLine("Trace (each statement run in a transaction on a scratch database with rows in every table):");
            foreach (var t in report.Traces)
            {
                var seen = new List<string>();
                seen.AddRange(t.Locks.Select(l => $"{l.Mode} on {l.Table}"));
                seen.AddRange(t.Rewritten.Select(r => $"rewrote {r}"));
                seen.AddRange(t.Scanned.Select(s => $"scanned {s}"));
                seen.AddRange(t.InvalidIndexes.Select(i => $"left {i} INVALID"));
                text.AppendLine(CultureInfo.InvariantCulture, $"  {t.File}:{t.Line}  {t.Statement}");
                text.AppendLine(CultureInfo.InvariantCulture, $"      lock_timeout {t.LockTimeoutMs} ms; {(seen.Count == 0 ? "no table lock, rewrite or scan" : string.Join("; ", seen))}");
            }

            text.AppendLine();
        }

        return text.AppendLine(Summary(report)).ToString();
    }

    public static string Summary(LintReport report)
    {
        var active = report.Active.ToList();
        var suppressed = report.Findings.Count - active.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Count(active, Severity.Error)} error(s), {Count(active, Severity.Warning)} warning(s), {Count(active, Severity.Info)} info(s) in {report.Revisions} revision(s), " +
            $"{report.Statements} statement(s){(suppressed > 0 ? $", {suppressed} ignored with a reason" : "")}; target {report.Target}.");
    }

    public static JsonObject Json(LintReport report)
    {
        var active = report.Active.ToList();
        return new JsonObject
        {
            ["target"] = report.Target.ToString(),
            ["revisions"] = report.Revisions,
            ["statements"] = report.Statements,
            ["errors"] = Count(active, Severity.Error),
            ["warnings"] = Count(active, Severity.Warning),
            ["infos"] = Count(active, Severity.Info),
            ["suppressed"] = report.Findings.Count - active.Count,
            ["trace"] = new JsonArray(report.Traces.Select(t => (JsonNode)new JsonObject
            {
                ["revision"] = t.Revision,
                ["file"] = t.File,
                ["line"] = t.Line,
                ["statement"] = t.Statement,
                ["lockTimeoutMs"] = t.LockTimeoutMs,
                ["locks"] = new JsonArray(t.Locks.Select(l => (JsonNode)new JsonObject { ["table"] = l.Table, ["mode"] = l.Mode }).ToArray()),
                ["rewritten"] = JsonShapes.Strings(t.Rewritten),
                ["scanned"] = JsonShapes.Strings(t.Scanned),
                ["invalidIndexes"] = JsonShapes.Strings(t.InvalidIndexes),
            }).ToArray()),
            ["findings"] = new JsonArray(report.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["rule"] = f.Rule,
                ["severity"] = Name(f.Severity),
                ["file"] = f.File,
                ["line"] = f.Line,
                ["column"] = f.Column,
                ["revision"] = f.Revision,
                ["message"] = f.Message,
                ["fix"] = f.Fix,
                ["statement"] = f.Statement,
                ["suppressed"] = f.SuppressedBecause is not null,
                ["reason"] = f.SuppressedBecause,
            }).ToArray()),
        };
    }

    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static int Count(IEnumerable<LintFinding> findings, Severity severity) => findings.Count(f => f.Severity == severity);
}
