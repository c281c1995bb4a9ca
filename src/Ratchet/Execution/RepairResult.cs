namespace Ratchet.Execution;

/// <summary>What <c>repair</c> changed in the history.</summary>
/// <param name="Cleared">Revisions whose failed or interrupted state was cleared, with the number of statements they had completed.</param>
/// <param name="Realigned">Applied revisions whose recorded checksums were set to their files' current ones.</param>
public sealed record RepairResult(IReadOnlyList<(string RevisionId, int StatementsDone)> Cleared, IReadOnlyList<string> Realigned);
