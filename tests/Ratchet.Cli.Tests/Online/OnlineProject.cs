using System.Diagnostics;
using Npgsql;
using Ratchet.PostgreSql.Tests;
using Ratchet.Schema;
using Xunit;

namespace Ratchet.Cli.Tests.Online;

/// <summary>A project on a fresh PostgreSQL database with helpers for online revisions: files, settings, rows, writers.</summary>
internal sealed class OnlineProject : IAsyncDisposable
{
    private OnlineProject(PostgresTestDatabase db)
    {
        Db = db;
        Project = new ProjectFolder(db);
    }

    public PostgresTestDatabase Db { get; }

    public ProjectFolder Project { get; }

    public static async Task<OnlineProject> CreateAsync() => new(await PostgresFixture.CreateAsync());

    /// <summary>Writes <c>ratchet.toml</c> with an <c>[online]</c> section.</summary>
    public void Settings(string online) => File.WriteAllText(Path.Combine(Project.Root, "ratchet.toml"), $"[online]\n{online}\n");

    /// <summary>An ordinary revision.</summary>
    public void Plain(string id, string? revises, string up, string down) => Project.Migrations.Add(id, revises, up, down);

    /// <summary>An online revision: its up statements (with directive lines), no down.</summary>
    public void Online(string id, string? revises, string up) => Project.Migrations.Add(id, revises, up, down: null, extraHeader: "-- ratchet:online");

    public Task<CliResult> RunAsync(params string[] args) => Project.RunAsync(args);

    public async Task<CliResult> OkAsync(params string[] args)
    {
        var result = await Project.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"ratchet {string.Join(' ', args)}: {result}");
        return result;
    }

    public Task<long> CountAsync(string sql) => Db.CountAsync(sql);

    public Task ExecuteAsync(string sql) => Db.ExecuteAsync(sql);

    /// <summary>A connection as old code (default search_path) or new code (the version schema first).</summary>
    public async Task<NpgsqlConnection> ConnectAsync(string? versionSchema = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(Db.ConnectionString) { Pooling = false };
        if (versionSchema is not null)
        {
            builder.SearchPath = $"{versionSchema},public";
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public static async Task<int> ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The schema model of the live database (Ratchet's own reader).</summary>
    public async Task<SchemaModel> ModelAsync()
    {
        using var connection = await Db.Engine.OpenAsync(false, TestContext.Current.CancellationToken);
        return await Db.Engine.ReadSchemaAsync(connection!, TestContext.Current.CancellationToken);
    }

    /// <summary>Every row of a table as text, in key order, hashed: equal fingerprints, equal rows.</summary>
    public async Task<string> FingerprintAsync(string table, string orderBy) =>
        (string)(await Db.ScalarAsync($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY {orderBy})), '') FROM {table} t"))!;

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 60)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(seconds), "timed out waiting");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until a ratchet session of this test's database waits for a lock on <paramref name="relation"/>. The server is
    /// shared by tests that run at the same time, so a wait of any ratchet session would be another test's.
    /// </summary>
    public Task WaitForRatchetToWaitOnAsync(string relation) => WaitUntilAsync(async () => await CountAsync($"""
        SELECT count(*) FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a USING (pid)
        WHERE NOT l.granted AND a.application_name = 'ratchet' AND a.datname = current_database()
          AND l.relation = to_regclass({Ratchet.PostgreSql.PostgresDialect.Instance.StringLiteral(relation)})
        """) > 0);

    /// <summary>Waits until a running backfill's checkpoint counts at least <paramref name="rows"/> rows done.</summary>
    public Task WaitForBackfilledAsync(long rows) => WaitUntilAsync(async () =>
        await CountAsync("SELECT count(*) FROM pg_tables WHERE tablename = 'ratchet_online'") > 0 &&
        await CountAsync("SELECT coalesce(max(rows_done), 0) FROM ratchet_online WHERE step LIKE '%backfill'") >= rows);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Project.Dispose();
    }
}
