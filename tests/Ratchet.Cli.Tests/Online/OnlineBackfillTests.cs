using Xunit;

namespace Ratchet.Cli.Tests.Online;

/// <summary>
/// The backfill engine on a real PostgreSQL: a keyed backfill stops at the highest key it found when it began (rows
/// inserted later are the trigger's), and a table without a primary key is backfilled by page ranges over several
/// batches and a resume.
/// </summary>
public sealed class OnlineBackfillTests : IAsyncLifetime
{
    private OnlineProject _p = null!;

    public async ValueTask InitializeAsync() => _p = await OnlineProject.CreateAsync();

    public async ValueTask DisposeAsync() => await _p.DisposeAsync();

    [Theory]
    [InlineData("orders (id serial PRIMARY KEY, amount int NOT NULL)", "INSERT INTO orders (amount) SELECT g FROM generate_series({0}, {1}) g",
        "ALTER TABLE orders ALTER COLUMN id TYPE bigint;", "_ratchet_new_id IS DISTINCT FROM id")]
    [InlineData("orders (region int, id int, amount text NOT NULL, PRIMARY KEY (region, id))",
        "INSERT INTO orders SELECT g / 1000, g, json_build_object('n', g)::text FROM generate_series({0}, {1}) g",
        "ALTER TABLE orders ALTER COLUMN amount TYPE jsonb;", "_ratchet_new_amount IS DISTINCT FROM amount::jsonb")]
    public async Task A_keyed_backfill_ends_at_the_highest_key_of_its_start_and_the_trigger_fills_the_rows_inserted_since(
        string table, string insert, string change, string disagreeing)
    {
        _p.Plain("001", null, $"CREATE TABLE {table};\n{string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, 1, 5000)};", "DROP TABLE orders;");
        _p.Online("002", "001", change);
        await _p.OkAsync("up", "001");
        _p.Settings("batch_size = 1000\nbatch_time = \"10s\"\nbatch_pause = \"1s\"\nmax_load = \"off\"");

        var run = _p.OkAsync("start", "--json");
        await _p.WaitForBackfilledAsync(1000);
        await _p.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, 5001, 25_000));
        var started = await run;

        var backfills = started.Events("backfill");
        Assert.Equal(5000, backfills[^1].GetProperty("done").GetInt64());
        Assert.Equal(25_000, await _p.CountAsync("SELECT count(*) FROM orders"));
        Assert.Equal(0, await _p.CountAsync($"SELECT count(*) FROM orders WHERE {disagreeing}"));
        await _p.OkAsync("complete");
        Assert.Equal(25_000, await _p.CountAsync("SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task A_table_without_a_primary_key_is_backfilled_by_pages_over_several_batches_and_a_resume()
    {
        _p.Plain("001", null, "CREATE TABLE logs (line int NOT NULL, payload text NOT NULL);\n" +
            "INSERT INTO logs SELECT g, json_build_object('n', g)::text FROM generate_series(1, 20000) g;", "DROP TABLE logs;");
        _p.Online("002", "001", "ALTER TABLE logs ALTER COLUMN payload TYPE jsonb;");
        await _p.OkAsync("up", "001");
        var pages = await _p.CountAsync("SELECT pg_relation_size('logs') / current_setting('block_size')::bigint");
        Assert.True(pages > 40, $"{pages} pages");
        _p.Settings("batch_size = 10\nbatch_time = \"10s\"\nbatch_pause = \"0ms\"");

        var first = await _p.OkAsync("start", "--json", "--max-batches", "2");
        Assert.Contains("\"event\":\"backfillPaused\"", first.Out, StringComparison.Ordinal);
        var done = await _p.CountAsync("SELECT rows_done FROM ratchet_online WHERE step LIKE '%backfill'");
        Assert.Equal(30, done);
        Assert.InRange(await _p.CountAsync("SELECT count(*) FROM logs WHERE _ratchet_new_payload IS NOT NULL"), 1, 19_999);

        var again = await _p.OkAsync("start", "--json");
        Assert.Contains("\"event\":\"backfillResumed\"", again.Out, StringComparison.Ordinal);
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM logs WHERE _ratchet_new_payload IS DISTINCT FROM payload::jsonb"));
        await _p.OkAsync("complete");
        Assert.Equal("jsonb", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'logs' AND column_name = 'payload'"));
        Assert.Equal(20_000, await _p.CountAsync("SELECT count(*) FROM logs WHERE (payload ->> 'n')::int = line"));
    }
}
