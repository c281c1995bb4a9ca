namespace Ratchet.Engines;

/// <summary>
/// What <see cref="IDatabaseEngine.ExecuteTransactionsAsync"/> did: the duration of each unit known to have committed, in
/// order, and, when the unit after them failed, its failure: a <see cref="StatementFailedException"/> (its
/// <see cref="StatementFailedException.Index"/> is the command within that unit) or the cancellation. Nothing after the
/// failed unit ran; the failed unit itself was rolled back, unless the failure is
/// <see cref="StatementFailedException.Unknown"/> (a lost connection), when only the history can tell.
/// </summary>
public sealed record TransactionsResult(IReadOnlyList<TimeSpan> Committed, Exception? Failure);
