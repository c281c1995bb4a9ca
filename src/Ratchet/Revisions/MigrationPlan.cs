namespace Ratchet.Revisions;

/// <summary>The ordered steps that take a database from its applied set to a target.</summary>
public sealed record MigrationPlan(Direction Direction, Target Target, IReadOnlyList<PlanStep> Steps)
{
    /// <summary>Whether there is nothing to do.</summary>
    public bool IsEmpty => Steps.Count == 0;
}
