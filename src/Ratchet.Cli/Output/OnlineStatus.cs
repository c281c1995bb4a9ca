using System.Text.Json.Nodes;
using Ratchet.Online;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Output;

/// <summary>What <c>status</c> shows of online revisions in progress: the state, the steps done, each backfill's progress.</summary>
internal static class OnlineStatus
{
    public static void Render(Invocation invocation, IReadOnlyList<OnlineRecord> records)
    {
        foreach (var record in records)
        {
            var (phase, steps) = Phase(record);
            var done = steps.Count(s => record.IsDone(s.Key));
            invocation.Line($"[yellow]online {E(record.RevisionId)}: {E(OnlineRecord.StateName(record.State))}[/] ({phase}: {done} of {steps.Count} step(s) done" +
                $"{(record.Plan.VersionSchema is { } schema && record.State == OnlineRunState.Started ? $"; new code: search_path = {E(schema)}, public" : "")})");
            foreach (var step in steps.Where(s => s.Kind == OnlineStepKind.Backfill))
            {
                if (record.Steps.TryGetValue(step.Key, out var progress))
                {
                    var total = Math.Max(progress.RowsTotal ?? progress.RowsDone, progress.RowsDone);
                    var percent = total == 0 ? 100 : 100.0 * progress.RowsDone / total;
                    invocation.Line($"  {E(step.Description)}: {progress.RowsDone:N0} of {total:N0} ({percent:0.0} %){(progress.Done ? ", done" : $", last key ({E(LastKey(progress))})")}");
                }
                else
                {
                    invocation.Line($"  {E(step.Description)}: not begun");
                }
            }

            invocation.Line($"  [dim]next: {E(Next(record.State))}[/]");
        }
    }

    public static JsonObject Json(OnlineRecord record)
    {
        var (phase, steps) = Phase(record);
        return new JsonObject
        {
            ["id"] = record.RevisionId,
            ["state"] = OnlineRecord.StateName(record.State),
            ["phase"] = phase,
            ["stepsDone"] = steps.Count(s => record.IsDone(s.Key)),
            ["steps"] = steps.Count,
            ["versionSchema"] = record.Plan.VersionSchema,
            ["backfills"] = new JsonArray(steps.Where(s => s.Kind == OnlineStepKind.Backfill).Select(s => (JsonNode)new JsonObject
            {
                ["step"] = s.Key,
                ["table"] = s.Backfill?.Display,
                ["done"] = record.Steps.TryGetValue(s.Key, out var p) ? p.RowsDone : 0,
                ["total"] = record.Steps.TryGetValue(s.Key, out var q) ? q.RowsTotal : null,
                ["finished"] = record.IsDone(s.Key),
            }).ToArray()),
            ["updatedAt"] = record.UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["by"] = record.By,
        };
    }

    private static (string Phase, IReadOnlyList<OnlineStep> Steps) Phase(OnlineRecord record) => record.State switch
    {
        OnlineRunState.Starting or OnlineRunState.Started => ("start", record.Plan.Start),
        OnlineRunState.Completing => ("complete", record.Plan.Complete),
        OnlineRunState.Aborting => ("abort", record.Plan.Abort),
        _ => ("down", record.Plan.Down),
    };

    private static string LastKey(OnlineStepProgress progress) =>
        string.Join(", ", progress.LastKeyValues ?? []);

    private static string Next(OnlineRunState state) => state switch
    {
        OnlineRunState.Starting => "`ratchet start` continues it; `ratchet abort` removes what it added",
        OnlineRunState.Started => "deploy the new code, then `ratchet complete`; or `ratchet abort`",
        OnlineRunState.Completing => "`ratchet complete` continues it",
        OnlineRunState.Aborting => "`ratchet abort` continues it",
        _ => "`ratchet down` continues it",
    };
}
