using System.Globalization;
using System.Text;
using Ratchet.Revisions;
using Ratchet.Safety;
using Ratchet.Schema;

namespace Ratchet.Knowledge;

/// <summary>
/// The managed parts of <c>kb/backend-patterns.md</c>: the current schema (tables, columns, indexes, constraints and a
/// Mermaid ER diagram, with the schema's fingerprint in its marker) and one <c>## Migration: id message</c> section per
/// revision with its strategy, rollback, risks and verification. Deterministic: the same inputs give the same text.
/// </summary>
public static class BackendPatterns
{
    /// <summary>The key of the schema region.</summary>
    public const string SchemaKey = "schema";

    /// <summary>What the file starts with when it does not exist yet.</summary>
    public const string Skeleton = """
        # Backend patterns

        The team's notes on the database: how it is shaped, and how each migration ships and rolls back. The sections
        between `ratchet:begin` and `ratchet:end` markers are written by `ratchet docs`; write anything else around them.

        """;

    /// <summary>The file's text with its managed regions brought up to date.</summary>
    public static string Update(string existing, SchemaModel schema, string head, IReadOnlyList<(Revision Revision, RevisionAdvice Advice, VerifiedRecord? Verified)> revisions)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(revisions);
        var regions = new List<(string, string, string)> { (SchemaKey, $"fingerprint={SchemaComparer.Fingerprint(schema)}", SchemaSection(schema, head)) };
        regions.AddRange(revisions.Select(r => ($"migration-{r.Revision.Id}", "", MigrationSection(r.Revision, r.Advice, r.Verified))));
        return ManagedRegions.Update(existing.Trim().Length == 0 ? Skeleton : existing, regions);
    }

    /// <summary>The schema fingerprint the file's schema region records, or null.</summary>
    public static string? RecordedFingerprint(string text)
    {
        var schema = ManagedRegions.Read(text).FirstOrDefault(r => r.Key == SchemaKey);
        return schema.Attributes?.Split(' ').FirstOrDefault(a => a.StartsWith("fingerprint=", StringComparison.Ordinal))?["fingerprint=".Length..];
    }

    private static string SchemaSection(SchemaModel schema, string head)
    {
        var md = new StringBuilder();
        md.AppendLine("## Current schema").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"As the migrations build it (head: `{head}`): {schema.Tables.Count} table(s).").AppendLine();
        md.Append(SchemaDocument.Markdown(schema));
        md.AppendLine("### Entity relationships").AppendLine().AppendLine("```mermaid").Append(SchemaDocument.Mermaid(schema).TrimEnd()).AppendLine().AppendLine("```");
        return md.ToString();
    }

    private static string MigrationSection(Revision revision, RevisionAdvice advice, VerifiedRecord? verified)
    {
        var md = new StringBuilder();
        md.AppendLine(string.Concat("## Migration: ", revision.Id, " ", revision.Message).TrimEnd()).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"File: `{revision.Source.File.Replace('\\', '/')}`{(revision.Transactional ? "" : " (transaction off)")}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Strategy:** {advice.StrategyText}{(advice.Because.Count == 0 ? "" : ": " + string.Join("; ", advice.Because))}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Rollback:** {Rollback(advice.Rollback, verified)}");
        var active = advice.Risks.Where(f => f.SuppressedBecause is null).ToList();
        var ignored = advice.Risks.Where(f => f.SuppressedBecause is not null).ToList();
        md.AppendLine(active.Count == 0 && ignored.Count == 0 ? "- **Risks:** none found by `ratchet lint`." : "- **Risks:**");
        foreach (var f in active)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"  - {f.Rule} ({Severity(f.Severity)}, line {f.Line}): {f.Message}. Safe alternative: {f.Fix}.");
        }

        foreach (var f in ignored)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"  - {f.Rule} (ignored, line {f.Line}): {f.Message}. Why it is accepted: {f.SuppressedBecause}.");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- **Verified:** {Verified(verified)}");
        return md.ToString();
    }

    private static string Rollback(RollbackApproach approach, VerifiedRecord? verified)
    {
        var how = approach switch
        {
            RollbackApproach.Written => "a written down.",
            RollbackApproach.Derived => "a down derived by Ratchet from the typed operations.",
            _ => "irreversible (no down): fix forward with a new revision.",
        };
        if (approach != RollbackApproach.Irreversible && verified is { Data: true })
        {
            how += verified.DownLosesData.Count == 0 ? " `verify --data` found that it gives every row back." : $" `verify --data` found that it loses data: {string.Join("; ", verified.DownLosesData)}.";
        }

        return how;
    }

    private static string Verified(VerifiedRecord? verified) => verified is null
        ? "not yet (run `ratchet verify --data`)."
        : verified.Outcome switch
        {
            "passed" => $"`ratchet verify{(verified.Data ? " --data" : "")}` passed on {verified.Engine}.",
            "up-only" => $"`ratchet verify{(verified.Data ? " --data" : "")}` tested its up on {verified.Engine} (no down).",
            _ => $"`ratchet verify{(verified.Data ? " --data" : "")}` {verified.Outcome} on {verified.Engine}: {string.Join("; ", verified.Problems)}.",
        };

    private static string Severity(Severity severity) => severity switch
    {
        Safety.Severity.Error => "error",
        Safety.Severity.Warning => "warning",
        _ => "info",
    };
}
