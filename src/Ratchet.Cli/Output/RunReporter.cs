using System.Globalization;
using System.Text.Json.Nodes;
using Ratchet.Execution;
using Spectre.Console;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Output;

/// <summary>
/// Shows a run as it happens: NDJSON events with <c>--json</c>, a progress bar on a terminal, plain lines otherwise.
/// </summary>
internal sealed class RunReporter(Invocation invocation)
{
    private ProgressTask? _bar;
    private RowsCounted? _counted;

    public async Task<RunResult> RunAsync(Func<Action<MigrationEvent>, Task<RunResult>> run)
    {
        if (invocation.Json || !invocation.Environment.IsTerminal)
        {
            return await run(OnEvent);
        }

        RunResult? result = null;
        await invocation.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask("migrating", autoStart: true, maxValue: 1);
                result = await run(OnEvent);
                _bar.Value = _bar.MaxValue;
            });
        return result!;
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
            case PlanReady ready when _bar is not null:
                _bar.MaxValue = Math.Max(ready.Plan.Steps.Count, 1);
                break;
            case StepStarted started when _bar is not null:
                _bar.Description = $"{started.Step.Direction.ToString().ToLowerInvariant()} {E(started.Step.Revision.Id)} ({started.Index}/{started.Count})";
                break;
            case StepCompleted completed when _bar is not null:
                _bar.Increment(1);
                invocation.Line($"  {Verb(completed.Step)} {E(completed.Step.Revision.Id)} {E(completed.Step.Revision.Message)} [dim]({Ms(completed.Duration)} ms)[/]");
                Counts();
                break;
            case StepCompleted completed:
                invocation.Line($"  {Verb(completed.Step)} {E(completed.Step.Revision.Id)} {E(completed.Step.Revision.Message)} ({Ms(completed.Duration)} ms)");
                Counts();
                break;
            case StepRetrying retrying:
                invocation.Line($"  [yellow]lock timeout[/] {E(retrying.Step.Revision.Id)}: try {retrying.Attempt} of {retrying.MaxAttempts} failed, " +
                    $"retrying in {Ms(retrying.Delay)} ms{(retrying.Blockers.Count == 0 ? "" : "; blocked by " + E(string.Join("; ", retrying.Blockers)))}");
                break;
            case DriftFound drift:
                invocation.Line($"  [yellow]warning: schema drift[/] (the schema was changed outside ratchet since its last run; logged as 'drift'): " +
                    E(string.Join("; ", drift.Differences)));
                break;
            case RowsCounted counted:
                _counted = counted;
                break;
            case StepFailed failed:
                invocation.Line($"  [red]failed[/] {E(failed.Step.Revision.Id)} {E(failed.Step.Revision.Message)}");
                break;
        }
    }

    /// <summary>The row counts of the revision just shown, under its line.</summary>
    private void Counts()
    {
        if (_counted is { } counted)
        {
            invocation.Line($"           [dim]rows: {E(string.Join("; ", counted.Tables))}[/]");
            _counted = null;
        }
    }

    private static string Verb(Revisions.PlanStep step) => step.Direction == Revisions.Direction.Up ? "applied " : "reverted";

    private static string Ms(TimeSpan duration) => ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Json(MigrationEvent e) => e switch
    {
        PlanReady ready => new JsonObject { ["event"] = "plan", ["plan"] = JsonShapes.Plan(ready.Plan) },
        StepStarted s => Step("started", s.Step, s.Index, s.Count),
        StatementExecuted s => new JsonObject
        {
            ["event"] = "statement", ["id"] = s.Step.Revision.Id, ["statement"] = s.Statement, ["statements"] = s.Statements, ["skipped"] = s.Skipped,
        },
        StepCompleted s => With(Step("completed", s.Step, s.Index, s.Count), "durationMs", (long)s.Duration.TotalMilliseconds),
        StepFailed s => With(Step("failed", s.Step, s.Index, s.Count), "error", s.Error),
        StepRetrying s => new JsonObject
        {
            ["event"] = "retrying", ["id"] = s.Step.Revision.Id, ["attempt"] = s.Attempt, ["maxAttempts"] = s.MaxAttempts,
            ["delayMs"] = (long)s.Delay.TotalMilliseconds, ["blockers"] = JsonShapes.Strings(s.Blockers),
        },
        DriftFound d => new JsonObject { ["event"] = "drift", ["differences"] = JsonShapes.Strings(d.Differences) },
        RowsCounted r => new JsonObject
        {
            ["event"] = "rows",
            ["id"] = r.Step.Revision.Id,
            ["tables"] = new JsonArray(r.Tables.Select(t => (JsonNode)new JsonObject
            {
                ["table"] = t.Table, ["before"] = t.Before, ["after"] = t.After, ["cap"] = t.Cap,
            }).ToArray()),
        },
        _ => OnlineReporter.Json(e),
    };

    private static JsonObject Step(string name, Revisions.PlanStep step, int index, int count) => new()
    {
        ["event"] = name,
        ["id"] = step.Revision.Id,
        ["message"] = step.Revision.Message,
        ["direction"] = step.Direction.ToString().ToLowerInvariant(),
        ["index"] = index,
        ["count"] = count,
    };

    private static JsonObject With(JsonObject o, string key, JsonNode? value)
    {
        o[key] = value;
        return o;
    }
}
