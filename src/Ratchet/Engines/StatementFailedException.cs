namespace Ratchet.Engines;

/// <summary>
/// One statement of a batch failed; <see cref="Index"/> says which, and the inner exception is the engine's error
/// (a <see cref="System.Data.Common.DbException"/>, or a <see cref="LockTimeoutException"/>).
/// </summary>
public sealed class StatementFailedException(int index, Exception error)
    : Exception($"statement {index + 1} of the batch failed: {error?.Message}", error)
{
    /// <summary>The 0-based position of the failed statement in the batch.</summary>
    public int Index { get; } = index;
}
