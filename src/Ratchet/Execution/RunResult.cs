using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>What a run did: the plan and how long each step took.</summary>
public sealed record RunResult(MigrationPlan Plan, IReadOnlyList<TimeSpan> Durations);
