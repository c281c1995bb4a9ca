namespace Ratchet.Engines;

/// <summary>
/// One statement of a batch failed; <see cref="Index"/> says which, and the inner exception is the engine's error
/// (a <see cref="System.Data.Common.DbException"/>, or a <see cref="LockTimeoutException"/>).
/// </summary>
public sealed class StatementFailedException(int index, Exception error)
    : Exception(index == AtCommit ? $"the commit failed: {error?.Message}" : $"statement {index + 1} of the batch failed: {error?.Message}", error)
{
    /// <summary>The <see cref="Index"/> of a failed commit (a deferred constraint), which is no one statement's.</summary>
    public const int AtCommit = -1;

    /// <summary>The 0-based position of the failed statement in the batch, or <see cref="AtCommit"/>.</summary>
    public int Index { get; } = index;
}
