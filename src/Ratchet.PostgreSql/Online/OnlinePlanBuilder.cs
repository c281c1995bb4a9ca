using Ratchet.Online;

namespace Ratchet.PostgreSql.Online;

/// <summary>Where a step goes in its phase: steps of every operation are grouped by stage, in operation order within one.</summary>
internal enum OnlineStage
{
    /// <summary>Start: additive DDL and triggers (first, so that writers keep both shapes in step before any backfill).</summary>
    StartDdl,

    /// <summary>Start: the version schema's views (after every column they show exists).</summary>
    StartViews,

    /// <summary>Start: backfills.</summary>
    StartBackfill,

    /// <summary>Start: indexes and NOT VALID constraints on the backfilled columns.</summary>
    StartAfter,

    /// <summary>Complete: pre-checks and validations (no write is blocked).</summary>
    CompleteValidate,

    /// <summary>Complete: the swaps, each one short transaction under an exclusive lock.</summary>
    CompleteSwap,

    /// <summary>Complete: what follows the swaps (foreign keys validated again, functions and the version schema dropped).</summary>
    CompleteAfter,
}

/// <summary>Collects the steps of a plan by stage and numbers their keys.</summary>
internal sealed class OnlinePlanBuilder
{
    private readonly List<(OnlineStage Stage, int Operation, OnlineStep Step)> _steps = [];
    private readonly List<(int Operation, OnlineStep Step)> _abort = [];
    private readonly List<(int Operation, OnlineStep Step)> _down = [];

    /// <summary>The operation being planned (1-based), used in step keys.</summary>
    public int Operation { get; set; }

    public void Add(OnlineStage stage, OnlineStepKind kind, string name, string description, params string[] sql) =>
        Add(stage, new OnlineStep { Key = name, Kind = kind, Description = description, Sql = sql });

    public void Add(OnlineStage stage, OnlineStep step) => _steps.Add((stage, Operation, step with { Key = Key(step.Key) }));

    /// <summary>A step of abort: the operations' abort steps run in reverse operation order.</summary>
    public void Abort(OnlineStepKind kind, string name, string description, params string[] sql) =>
        _abort.Add((Operation, new OnlineStep { Key = Key(name), Kind = kind, Description = description, Sql = sql }));

    /// <summary>A step of the down of the completed revision: reverse operation order too.</summary>
    public void Down(OnlineStepKind kind, string name, string description, params string[] sql) =>
        _down.Add((Operation, new OnlineStep { Key = Key(name), Kind = kind, Description = description, Sql = sql }));

    public OnlinePlan Build(string revisionId, IReadOnlyList<string> operations, string? versionSchema, IReadOnlyList<OnlineStep> abortFirst)
    {
        IReadOnlyList<OnlineStep> Phase(string phase, params OnlineStage[] stages) =>
            [.. _steps.Where(s => stages.Contains(s.Stage)).OrderBy(s => s.Stage).Select((s, i) => s.Step with { Key = $"{phase}.{i + 1:00}.{s.Step.Key}" })];
        IReadOnlyList<OnlineStep> Reversed(string phase, IEnumerable<(int Operation, OnlineStep Step)> steps) =>
            [.. steps.GroupBy(s => s.Operation).OrderByDescending(g => g.Key).SelectMany(g => g).Select((s, i) => s.Step with { Key = $"{phase}.{i + 1:00}.{s.Step.Key}" })];
        return new OnlinePlan
        {
            RevisionId = revisionId,
            Operations = operations,
            VersionSchema = versionSchema,
            Start = Phase("start", OnlineStage.StartDdl, OnlineStage.StartViews, OnlineStage.StartBackfill, OnlineStage.StartAfter),
            Complete = Phase("complete", OnlineStage.CompleteValidate, OnlineStage.CompleteSwap, OnlineStage.CompleteAfter),
            Abort = Reversed("abort", abortFirst.Select(s => (int.MaxValue, s)).Concat(_abort)),
            Down = Reversed("down", _down),
        };
    }

    private string Key(string name) => $"op{Operation}.{name}";
}
