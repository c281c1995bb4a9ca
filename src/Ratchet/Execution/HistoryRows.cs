using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>The history and log rows a step writes.</summary>
internal static class HistoryRows
{
    public static HistoryEntry Entry(Revision revision, HistoryState state, long sequence, TimeSpan duration) => new()
    {
        RevisionId = revision.Id,
        Parents = revision.Parents,
        Message = revision.Message,
        Kind = revision.Kind,
        State = state,
        ChecksumUp = revision.Up.Checksum,
        ChecksumDown = revision.Down?.Checksum,
        AppliedAt = DateTime.UtcNow,
        AppliedBy = RunnerIdentity.UserAtHost,
        DurationMs = (long)duration.TotalMilliseconds,
        ToolVersion = RunnerIdentity.ToolVersion,
        Sequence = sequence,
    };

    public static LogEntry Log(PlanStep step, TimeSpan duration) => Log(
        step.Revision,
        step.Direction == Direction.Up ? "up" : "down",
        duration,
        step.Direction == Direction.Up ? step.Revision.Up.Checksum : step.Revision.Down?.Checksum);

    public static LogEntry Log(Revision revision, string action, TimeSpan duration, string? checksum) => new()
    {
        RevisionId = revision.Id,
        Action = action,
        At = DateTime.UtcNow,
        By = RunnerIdentity.UserAtHost,
        DurationMs = (long)duration.TotalMilliseconds,
        Checksum = checksum,
        ToolVersion = RunnerIdentity.ToolVersion,
    };
}
