namespace Ratchet.Engines;

/// <summary>A temporary database of one engine, dropped on dispose (also after a failure).</summary>
public sealed class ScratchDatabase(IDatabaseEngine engine, Func<ValueTask> drop) : IAsyncDisposable
{
    private int _dropped;

    /// <summary>The engine connected to the scratch database.</summary>
    public IDatabaseEngine Engine { get; } = engine;

    /// <summary>Drops the database, once.</summary>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _dropped, 1) == 0 ? drop() : ValueTask.CompletedTask;
}
