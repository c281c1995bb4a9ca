namespace Ratchet.Engines;

/// <summary>
/// What <see cref="IDatabaseEngine.ExecuteTransactionsAsync"/> did: the duration of each unit that committed, in order,
/// and, when a unit failed, its failure (<see cref="StatementFailedException.Index"/> is the command within that unit,
/// the unit at position <c>Committed.Count</c>). Nothing of the failed unit or after it was committed.
/// </summary>
public sealed record TransactionsResult(IReadOnlyList<TimeSpan> Committed, StatementFailedException? Failure);
