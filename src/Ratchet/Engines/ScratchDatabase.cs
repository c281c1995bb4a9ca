namespace Ratchet.Engines;

/// <summary>A temporary database of one engine, dropped on dispose (also after a failure).</summary>
public sealed class ScratchDatabase(IDatabaseEngine engine, Func<ValueTask> drop) : IAsyncDisposable
{
    private int _dropped;

    /// <summary>The engine connected to the scratch database.</summary>
    public IDatabaseEngine Engine { get; } = engine;

    /// <summary>
    /// Drops the database, once. A failure to drop is swallowed: it must not hide the error that ended the work, and a
    /// leftover scratch database (named <c>ratchet_scratch_*</c>) holds nothing of the user's.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _dropped, 1) != 0)
        {
            return;
        }

        try
        {
            await drop().ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
        {
            // See above.
        }
    }
}
