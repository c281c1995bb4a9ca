using Ratchet.PostgreSql.Tests;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>A migration role without CREATE on the database keeps working once Ratchet's tables exist.</summary>
public sealed class PostgresPrivilegeTests
{
    [Fact]
    public async Task A_role_without_create_privilege_runs_up_once_the_history_tables_exist()
    {
        await using var db = await PostgresFixture.CreateAsync();
        using var project = new ProjectFolder(db);
        var role = "ratchet_limited_" + Guid.NewGuid().ToString("N")[..8];
        project.Migrations.Add("001", null, "CREATE TABLE t (id integer PRIMARY KEY);", "DROP TABLE t;");
        project.Migrations.Add("002", "001", "INSERT INTO t VALUES (1);", "DELETE FROM t WHERE id = 1;");
        Assert.Equal(0, (await project.RunAsync("up", "001")).ExitCode);
        await db.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'limited-pw'");
        try
        {
            await db.ExecuteAsync($"REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO {role}; " +
                $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}");
            var url = new Uri(db.Url);
            var limited = $"postgres://{role}:limited-pw@{url.Host}:{url.Port}{url.AbsolutePath}?pooling=false";

            var up = await project.RunAsync("--url", limited, "up");

            Assert.True(up.ExitCode == 0, up.ToString());
            Assert.Equal(["1"], await db.ListAsync("SELECT id FROM t"));
            Assert.Equal(2, await db.CountAsync("SELECT count(*) FROM ratchet_history"));
        }
        finally
        {
            await db.ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }
}

/// <summary>A revision's own <c>-- ratchet:lock-timeout</c> is the lock_timeout its statements run under.</summary>
public sealed class PostgresRevisionLockTimeoutTests
{
    [Theory]
    [InlineData("-- ratchet:lock-timeout 250ms", "on", "250ms")]
    [InlineData("-- ratchet:lock-timeout off", "on", "0")]
    [InlineData("-- ratchet:lock-timeout 2s", "off", "2s")]
    [InlineData("", "on", "5s")]
    public async Task The_revision_runs_under_its_own_lock_timeout(string directive, string transaction, string expected)
    {
        await using var db = await PostgresFixture.CreateAsync();
        using var project = new ProjectFolder(db);
        project.Migrations.Add("001", null, "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS v;", "DROP TABLE seen;",
            $"{directive}\n-- ratchet:transaction {transaction}");

        var up = await project.RunAsync("up");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal([expected], await db.ListAsync("SELECT v FROM seen"));
    }
}
