using Npgsql;
using Xunit;

namespace Ratchet.Cli.Tests.Online;

/// <summary>
/// The backfill's load gate on a real PostgreSQL: a batch waits while another session runs a statement (up to
/// <c>max_load_wait</c>), <c>off</c> never waits, and a bad <c>max_load</c> is refused before anything runs.
/// </summary>
public sealed class OnlineLoadGateTests : IAsyncLifetime
{
    private OnlineProject _p = null!;

    public async ValueTask InitializeAsync()
    {
        _p = await OnlineProject.CreateAsync();
        _p.Plain("001", null, """
            CREATE TABLE orders (id serial PRIMARY KEY, amount int NOT NULL);
            INSERT INTO orders (amount) SELECT g FROM generate_series(1, 5000) g;
            """, "DROP TABLE orders;");
        _p.Online("002", "001", "ALTER TABLE orders ALTER COLUMN id TYPE bigint;");
    }

    public async ValueTask DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task A_batch_waits_at_the_gate_while_another_session_runs_a_statement_and_off_never_waits()
    {
        await _p.OkAsync("up", "001");
        _p.Settings("batch_size = 1000\nbatch_time = \"10s\"\nbatch_pause = \"0ms\"\nmax_load = 0\nmax_load_wait = \"300ms\"");
        await using (await BusySession.StartAsync(_p.Db))
        {
            var off = (await _p.OkAsync("start", "--json", "--max-load", "off")).Events("backfill");
            Assert.NotEmpty(off);
            Assert.All(off, b => Assert.Equal(0, b.GetProperty("loadWaitMs").GetDouble()));
            await _p.OkAsync("abort");

            var gated = (await _p.OkAsync("start", "--json")).Events("backfill");
            Assert.NotEmpty(gated);
            Assert.All(gated, b => Assert.InRange(b.GetProperty("loadWaitMs").GetDouble(), 300, 60_000));
            Assert.Equal(5000, gated[^1].GetProperty("done").GetInt64());
            Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM orders WHERE _ratchet_new_id IS DISTINCT FROM id"));
        }
    }

    [Fact]
    public async Task A_role_without_pg_read_all_stats_still_waits_for_another_roles_running_statement()
    {
        // A role that owns the database and its schema, without pg_read_all_stats; the busy session is the superuser's.
        var role = "m_" + _p.Db.Name;
        await _p.ExecuteAsync($"CREATE ROLE \"{role}\" LOGIN; ALTER DATABASE \"{_p.Db.Name}\" OWNER TO \"{role}\"; ALTER SCHEMA public OWNER TO \"{role}\"");
        var url = "--url=" + _p.Db.Url.Replace("://postgres@", $"://{role}@", StringComparison.Ordinal);
        Assert.Contains(role, url, StringComparison.Ordinal);
        await _p.OkAsync("up", "001", url);
        _p.Settings("batch_size = 1000\nbatch_time = \"10s\"\nbatch_pause = \"0ms\"\nmax_load = 0\nmax_load_wait = \"300ms\"");
        try
        {
            await using var busy = await BusySession.StartAsync(_p.Db);
            await using (var asRole = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_p.Db.ConnectionString) { Username = role, Pooling = false }.ConnectionString))
            {
                await asRole.OpenAsync(TestContext.Current.CancellationToken);
                Assert.Equal("hidden", await OnlineProject.ScalarAsync(asRole, $"SELECT coalesce(state, 'hidden') FROM pg_stat_activity WHERE pid = {busy.Pid}"));
            }

            var gated = (await _p.OkAsync("start", "--json", url)).Events("backfill");
            Assert.NotEmpty(gated);
            Assert.All(gated, b => Assert.InRange(b.GetProperty("loadWaitMs").GetDouble(), 300, 60_000));
            Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM orders WHERE _ratchet_new_id IS DISTINCT FROM id"));
        }
        finally
        {
            await _p.ExecuteAsync($"REASSIGN OWNED BY \"{role}\" TO postgres; DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\"");
        }
    }

    [Theory]
    [InlineData("max_load = \"lots\"", "[online] max_load: 'lots' is neither 'off' nor a whole number of at least 0")]
    [InlineData("max_load = -1", "[online] max_load: '-1' is neither 'off' nor a whole number of at least 0")]
    [InlineData("max_load_wait = \"soon\"", "[online] max_load_wait: 'soon' is not a duration")]
    public async Task A_bad_load_gate_setting_is_refused_naming_the_file_and_nothing_runs(string setting, string message)
    {
        await _p.OkAsync("up", "001");
        _p.Settings(setting);
        var before = await _p.Db.FootprintAsync();
        var start = await _p.RunAsync("start");
        Assert.Equal(2, start.ExitCode);
        Assert.Contains("ratchet.toml: " + message, start.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _p.Db.FootprintAsync());
    }
}
