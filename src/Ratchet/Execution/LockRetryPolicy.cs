namespace Ratchet.Execution;

/// <summary>
/// How a revision (or, outside a transaction, a statement) that hit its lock timeout is retried: up to
/// <see cref="MaxAttempts"/> tries, waiting a jittered, doubling delay between them.
/// </summary>
public sealed record LockRetryPolicy
{
    /// <summary>Tries in all, the first included (default 5).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The delay after the first failed try; it doubles after each (default 500 ms).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay (default 10 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The delay after try <paramref name="attempt"/> (1-based): full jitter between half and all of the backoff.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var backoff = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(backoff * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
