namespace Ratchet.Engines;

/// <summary>
/// One statement of a batch failed; <see cref="Index"/> says which, and the inner exception is the engine's error
/// (a <see cref="System.Data.Common.DbException"/>, or a <see cref="LockTimeoutException"/>).
/// </summary>
public sealed class StatementFailedException(int index, Exception error)
    : Exception(index switch
        {
            AtCommit => $"the commit failed: {error?.Message}",
            Unknown => $"the batch failed: {error?.Message}",
            _ => $"statement {index + 1} of the batch failed: {error?.Message}",
        }, error)
{
    /// <summary>The <see cref="Index"/> of a failed commit (a deferred constraint), which is no one statement's.</summary>
    public const int AtCommit = -1;

    /// <summary>
    /// The <see cref="Index"/> of a failure that names no command (the connection was lost): whether the transaction
    /// committed is not known to the client.
    /// </summary>
    public const int Unknown = -2;

    /// <summary>The 0-based position of the failed statement in the batch, or <see cref="AtCommit"/> or <see cref="Unknown"/>.</summary>
    public int Index { get; } = index;
}
