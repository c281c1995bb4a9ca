namespace Ratchet.Revisions;

/// <summary>One revision to run, and which way.</summary>
public sealed record PlanStep(Revision Revision, Direction Direction);
