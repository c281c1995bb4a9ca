using System.Globalization;
using Npgsql;
using Ratchet.PostgreSql.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Online;

/// <summary>
/// A session of the superuser in database <c>postgres</c> running <c>pg_sleep</c> until disposed, which cancels it.
/// It is in another database because the load gate counts the whole server, while the concurrent index build of start
/// waits for the transactions of its own database only.
/// </summary>
internal sealed class BusySession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgresTestDatabase _db;
    private readonly Task _sleeping;

    private BusySession(NpgsqlConnection connection, PostgresTestDatabase db, int pid)
    {
        _connection = connection;
        _db = db;
        Pid = pid;
        _sleeping = OnlineProject.ExecAsync(connection, "SELECT pg_sleep(600)");
    }

    public int Pid { get; }

    /// <summary>Starts the sleep and returns once the server shows the session active.</summary>
    public static async Task<BusySession> StartAsync(PostgresTestDatabase db)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = "postgres", Pooling = false, CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var pid = Convert.ToInt32(await OnlineProject.ScalarAsync(connection, "SELECT pg_backend_pid()"), CultureInfo.InvariantCulture);
        var busy = new BusySession(connection, db, pid);
        await OnlineProject.WaitUntilAsync(async () => await db.CountAsync($"SELECT count(*) FROM pg_stat_activity WHERE pid = {pid} AND state = 'active'") == 1);
        return busy;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.ExecuteAsync($"SELECT pg_cancel_backend({Pid})");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => _sleeping);
        await _connection.DisposeAsync();
    }
}
