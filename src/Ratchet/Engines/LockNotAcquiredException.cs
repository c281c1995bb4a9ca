namespace Ratchet.Engines;

/// <summary>The runner lock was not free within the lock timeout (exit code 4).</summary>
public sealed class LockNotAcquiredException(string target, TimeSpan timeout, string holder)
    : RatchetException(RatchetErrorKind.LockNotAcquired,
        $"another ratchet runner holds the migration lock on {target} (held by {holder}); gave up after {timeout.TotalSeconds:0.#} s")
{
    /// <summary>Who holds the lock, as far as the engine can tell.</summary>
    public string Holder { get; } = holder;
}
