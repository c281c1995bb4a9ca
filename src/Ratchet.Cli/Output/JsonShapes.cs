using System.Globalization;
using System.Text.Json.Nodes;
using Ratchet.Execution;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Cli.Output;

/// <summary>The stable JSON shapes of the tool's output. Field names are part of the public interface.</summary>
internal static class JsonShapes
{
    public static JsonObject Revision(Revision revision) => new()
    {
        ["id"] = revision.Id,
        ["message"] = revision.Message,
        ["parents"] = Strings(revision.Parents),
        ["branches"] = Strings(revision.BranchLabels),
        ["dependsOn"] = Strings(revision.DependsOn),
        ["file"] = revision.Source.File,
        ["transactional"] = revision.Transactional,
        ["reversible"] = revision.Down is not null,
    };

    public static JsonObject History(HistoryEntry entry) => new()
    {
        ["id"] = entry.RevisionId,
        ["message"] = entry.Message,
        ["parents"] = Strings(entry.Parents),
        ["state"] = entry.StateName,
        ["kind"] = entry.Kind,
        ["appliedAt"] = Time(entry.AppliedAt),
        ["appliedBy"] = entry.AppliedBy,
        ["durationMs"] = entry.DurationMs,
        ["checksumUp"] = entry.ChecksumUp,
        ["checksumDown"] = entry.ChecksumDown,
        ["toolVersion"] = entry.ToolVersion,
        ["sequence"] = entry.Sequence,
        ["error"] = entry.Error,
    };

    public static JsonObject Log(LogEntry entry) => new()
    {
        ["id"] = entry.Id,
        ["revision"] = entry.RevisionId,
        ["action"] = entry.Action,
        ["at"] = Time(entry.At),
        ["by"] = entry.By,
        ["durationMs"] = entry.DurationMs,
        ["checksum"] = entry.Checksum,
        ["detail"] = entry.Detail,
        ["toolVersion"] = entry.ToolVersion,
    };

    public static JsonObject Problem(ValidationProblem problem) => new()
    {
        ["kind"] = problem.Kind.ToString().ToLowerInvariant(),
        ["revision"] = problem.RevisionId,
        ["file"] = problem.File,
        ["message"] = problem.Message,
    };

    public static JsonObject Plan(MigrationPlan plan) => new()
    {
        ["direction"] = plan.Direction.ToString().ToLowerInvariant(),
        ["target"] = plan.Target.Text,
        ["steps"] = new JsonArray(plan.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Revision.Id,
            ["message"] = s.Revision.Message,
            ["direction"] = s.Direction.ToString().ToLowerInvariant(),
            ["file"] = s.Revision.Source.File,
            ["transactional"] = s.Revision.Transactional,
        }).ToArray()),
    };

    public static JsonObject Error(RatchetException error) => new()
    {
        ["error"] = new JsonObject
        {
            ["kind"] = error.Kind.ToString(),
            ["exitCode"] = (int)error.Kind,
            ["message"] = error.Message,
            ["hints"] = Strings(error.Hints),
        },
    };

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
