using System.Globalization;
using System.Text.Json.Nodes;
using Ratchet.Execution;
using Ratchet.Online;
using Spectre.Console;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Output;

/// <summary>
/// Shows an online phase as it runs: a line per step, and for a backfill a progress bar with rows/s and ETA on a
/// terminal (a line every few seconds otherwise); NDJSON events with <c>--json</c>.
/// </summary>
internal sealed class OnlineReporter(Invocation invocation)
{
    private ProgressContext? _context;
    private ProgressTask? _bar;
    private DateTime _lastLine;

    public async Task<T> RunAsync<T>(Func<Action<MigrationEvent>, Task<T>> run)
    {
        if (invocation.Json || !invocation.Environment.IsTerminal)
        {
            return await run(OnEvent);
        }

        T result = default!;
        await invocation.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                _context = context;
                result = await run(OnEvent);
            });
        return result;
    }

    private void OnEvent(MigrationEvent e)
    {
        if (invocation.Json)
        {
            invocation.WriteJsonLine(Json(e));
            return;
        }

        switch (e)
        {
            case OnlinePhaseStarted s:
                invocation.Line($"{Verb(s.Phase)} {E(s.RevisionId)}: {s.Steps} step(s){(s.Resumed ? ", continuing where the last run stopped" : "")}");
                break;
            case OnlineStepCompleted { Skipped: true } c:
                invocation.Line($"  [dim]{c.Index}/{c.Count} {E(c.Step.Description)} (done before)[/]");
                break;
            case OnlineStepCompleted c:
                _bar?.StopTask();
                _bar = null;
                invocation.Line($"  {c.Index}/{c.Count} {E(c.Step.Description)} [dim]({Ms(c.Duration)} ms)[/]");
                break;
            case OnlineStepRetrying r:
                invocation.Line($"  [yellow]lock timeout[/] {E(r.Step.Description)}: try {r.Attempt} of {r.MaxAttempts}, retrying in {Ms(r.Delay)} ms" +
                    (r.Blockers.Count == 0 ? "" : "; blocked by " + E(string.Join("; ", r.Blockers))));
                break;
            case BackfillResumed r:
                invocation.Line($"  backfill of {E(r.Table)} resumes after key ({E(r.LastKey)}), {r.Done} done before");
                break;
            case BackfillProgress p when _context is not null:
                _bar ??= _context.AddTask($"backfill {E(p.Table)}", maxValue: Math.Max(p.Total, 1));
                _bar.MaxValue = Math.Max(p.Total, 1);
                _bar.Value = Math.Min(p.Done, p.Total);
                _bar.Description = $"backfill {E(p.Table)} {p.Done:N0}/{p.Total:N0} {p.Unit}, {p.RowsPerSecond:N0}/s, batch {p.BatchSize:N0}";
                break;
            case BackfillProgress p when DateTime.UtcNow - _lastLine > TimeSpan.FromSeconds(5) || p.Done >= p.Total:
                _lastLine = DateTime.UtcNow;
                invocation.Line($"  backfill {E(p.Table)}: {p.Done:N0} of {p.Total:N0} {p.Unit} ({p.RowsPerSecond:N0}/s{(p.Eta is { } eta ? $", about {eta.TotalSeconds:0} s left" : "")})");
                break;
            case BackfillPaused p:
                invocation.Line($"  backfill of {E(p.Table)} stopped after the allowed batches at {p.Done:N0} of {p.Total:N0}; `ratchet start` continues it");
                break;
            case DriftFound drift:
                invocation.Line($"  [yellow]warning: schema drift[/]: {E(string.Join("; ", drift.Differences))}");
                break;
        }
    }

    private static string Verb(OnlinePhase phase) => phase switch
    {
        OnlinePhase.Start => "start",
        OnlinePhase.Complete => "complete",
        OnlinePhase.Abort => "abort",
        _ => "down",
    };

    private static string Ms(TimeSpan duration) => ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    public static JsonObject Json(MigrationEvent e) => e switch
    {
        OnlinePhaseStarted s => new JsonObject { ["event"] = "phaseStarted", ["id"] = s.RevisionId, ["phase"] = Verb(s.Phase), ["steps"] = s.Steps, ["resumed"] = s.Resumed },
        OnlineStepStarted s => new JsonObject
        {
            ["event"] = "stepStarted", ["id"] = s.RevisionId, ["phase"] = Verb(s.Phase), ["step"] = s.Step.Key, ["description"] = s.Step.Description,
            ["index"] = s.Index, ["count"] = s.Count,
        },
        OnlineStepCompleted s => new JsonObject
        {
            ["event"] = "stepCompleted", ["id"] = s.RevisionId, ["phase"] = Verb(s.Phase), ["step"] = s.Step.Key, ["index"] = s.Index, ["count"] = s.Count,
            ["durationMs"] = (long)s.Duration.TotalMilliseconds, ["skipped"] = s.Skipped,
        },
        OnlineStepRetrying r => new JsonObject
        {
            ["event"] = "retrying", ["id"] = r.RevisionId, ["step"] = r.Step.Key, ["attempt"] = r.Attempt, ["maxAttempts"] = r.MaxAttempts,
            ["delayMs"] = (long)r.Delay.TotalMilliseconds, ["blockers"] = JsonShapes.Strings(r.Blockers),
        },
        BackfillProgress p => new JsonObject
        {
            ["event"] = "backfill", ["id"] = p.RevisionId, ["step"] = p.Step.Key, ["table"] = p.Table, ["unit"] = p.Unit, ["done"] = p.Done, ["total"] = p.Total,
            ["written"] = p.Written, ["batchSize"] = p.BatchSize, ["batchMs"] = (long)p.BatchTime.TotalMilliseconds, ["rate"] = Math.Round(p.RowsPerSecond, 1),
            ["etaSeconds"] = p.Eta is { } eta ? Math.Round(eta.TotalSeconds, 1) : null, ["loadWaitMs"] = Math.Round(p.LoadWait.TotalMilliseconds, 1),
        },
        BackfillResumed r => new JsonObject { ["event"] = "backfillResumed", ["id"] = r.RevisionId, ["step"] = r.Step.Key, ["after"] = r.LastKey, ["done"] = r.Done },
        BackfillPaused p => new JsonObject { ["event"] = "backfillPaused", ["id"] = p.RevisionId, ["step"] = p.Step.Key, ["done"] = p.Done, ["total"] = p.Total },
        OnlinePhaseCompleted c => new JsonObject
        {
            ["event"] = "phaseCompleted", ["id"] = c.RevisionId, ["phase"] = Verb(c.Phase), ["durationMs"] = (long)c.Duration.TotalMilliseconds,
        },
        DriftFound d => new JsonObject { ["event"] = "drift", ["differences"] = JsonShapes.Strings(d.Differences) },
        _ => new JsonObject { ["event"] = "other", ["type"] = e.GetType().Name },
    };
}
