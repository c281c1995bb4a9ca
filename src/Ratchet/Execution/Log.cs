using Microsoft.Extensions.Logging;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>Every log message Ratchet writes, with its event id, in one place.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ratchet plan: {Count} revision(s) {Direction} to {Target}")]
    public static partial void PlanReady(ILogger logger, int count, Direction direction, string target);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Ratchet {Direction} {Revision} ({Index}/{Count}): {Message}")]
    public static partial void RevisionStarting(ILogger logger, Direction direction, string revision, int index, int count, string message);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Ratchet {Direction} {Revision} done in {Milliseconds} ms")]
    public static partial void RevisionCompleted(ILogger logger, Direction direction, string revision, long milliseconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Ratchet {Direction} {Revision} failed: {Error}")]
    public static partial void RevisionFailed(ILogger logger, Direction direction, string revision, string error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "Ratchet {Revision} hit the lock timeout (try {Attempt} of {MaxAttempts}); retrying in {Milliseconds} ms; blocked by {Blockers}")]
    public static partial void RevisionRetrying(ILogger logger, string revision, int attempt, int maxAttempts, long milliseconds, string blockers);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Ratchet {Revision}: statement {Statement} of {Statements}{Skipped}")]
    public static partial void StatementExecuted(ILogger logger, string revision, int statement, int statements, string skipped);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Ratchet could not record the schema for drift detection: {Error}")]
    public static partial void SnapshotFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Schema drift: the schema was changed outside Ratchet since its last run: {Differences}")]
    public static partial void DriftFound(ILogger logger, string differences);

    /// <summary>Writes one event to <paramref name="logger"/>.</summary>
    public static void Event(ILogger logger, MigrationEvent e)
    {
        switch (e)
        {
            case PlanReady ready when logger.IsEnabled(LogLevel.Information):
                PlanReady(logger, ready.Plan.Steps.Count, ready.Plan.Direction, ready.Plan.Target.Text);
                break;
            case StepStarted started when logger.IsEnabled(LogLevel.Information):
                RevisionStarting(logger, started.Step.Direction, started.Step.Revision.Id, started.Index, started.Count, started.Step.Revision.Message);
                break;
            case StepCompleted completed when logger.IsEnabled(LogLevel.Information):
                RevisionCompleted(logger, completed.Step.Direction, completed.Step.Revision.Id, (long)completed.Duration.TotalMilliseconds);
                break;
            case StepFailed failed when logger.IsEnabled(LogLevel.Error):
                RevisionFailed(logger, failed.Step.Direction, failed.Step.Revision.Id, failed.Error);
                break;
            case StepRetrying retrying when logger.IsEnabled(LogLevel.Warning):
                RevisionRetrying(logger, retrying.Step.Revision.Id, retrying.Attempt, retrying.MaxAttempts, (long)retrying.Delay.TotalMilliseconds,
                    retrying.Blockers.Count == 0 ? "no session seen" : string.Join("; ", retrying.Blockers));
                break;
            case DriftFound drift when logger.IsEnabled(LogLevel.Warning):
                DriftFound(logger, string.Join("; ", drift.Differences));
                break;
            case StatementExecuted statement when logger.IsEnabled(LogLevel.Debug):
                StatementExecuted(logger, statement.Step.Revision.Id, statement.Statement, statement.Statements, statement.Skipped ? " (already done)" : "");
                break;
        }
    }
}
