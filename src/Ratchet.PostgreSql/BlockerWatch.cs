namespace Ratchet.PostgreSql;

/// <summary>
/// A timer that, once a statement has waited <c>firstLook</c>, polls the sessions blocking it from a second connection
/// (<see cref="PostgresBlockers"/>) until stopped or disposed.
/// </summary>
internal sealed class BlockerWatch : IDisposable
{
    private readonly PostgresEngine _engine;
    private readonly int _pid;
    private readonly CancellationTokenSource _stop;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private Task<IReadOnlyList<string>>? _polling;

    public BlockerWatch(PostgresEngine engine, int pid, TimeSpan firstLook, CancellationToken cancellationToken)
    {
        _engine = engine;
        _pid = pid;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = new Timer(_ => Start(), null, firstLook, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops polling and returns the blockers last seen (none when the timer never fired).</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        Task<IReadOnlyList<string>>? polling;
        lock (_gate)
        {
            polling = _polling;
            _polling ??= Task.FromResult<IReadOnlyList<string>>([]);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        return polling is null ? [] : await polling.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _timer.Dispose();
        bool started;
        lock (_gate)
        {
            started = _polling is not null;
            _polling ??= Task.FromResult<IReadOnlyList<string>>([]);
        }

        _stop.Cancel();
        if (!started)
        {
            // A poll still running keeps its token; it ends on its own once cancelled, holding only its own connection.
            _stop.Dispose();
        }
    }

    private void Start()
    {
        lock (_gate)
        {
            if (_polling is null && !_stop.IsCancellationRequested)
            {
                _polling = PostgresBlockers.WatchAsync(_engine, _pid, TimeSpan.Zero, _stop.Token);
            }
        }
    }
}
