using System.Text.Json;
using Ratchet.PostgreSql.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Lint;

/// <summary>
/// <c>lint --trace</c> on a real PostgreSQL: each revision runs on a scratch database over tables holding rows, and what
/// the static rules predict is compared with the locks, rewrites and scans the server really shows.
/// </summary>
public sealed class LintTraceTests
{
    private static async Task<(JsonDocument Json, int ExitCode)> TraceAsync(string up, string revisionHeader = "")
    {
        await using var db = await PostgresFixture.CreateAsync();
        using var project = new ProjectFolder(db);
        project.Migrations.Add("001", null, "CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, balance integer NOT NULL DEFAULT 0);", "DROP TABLE accounts;");
        project.Migrations.Add("002", "001", up, "SELECT 1;", revisionHeader);

        var result = await project.RunAsync("lint", "--trace", "--json", "002");

        Assert.True(result.ExitCode is 0 or 3, result.ToString());
        return (JsonDocument.Parse(result.Out), result.ExitCode);
    }

    private static JsonElement Statement(JsonDocument json) => Assert.Single(json.RootElement.GetProperty("trace").EnumerateArray());

    private static IEnumerable<string> Rules(JsonDocument json) =>
        json.RootElement.GetProperty("findings").EnumerateArray().Where(f => !f.GetProperty("suppressed").GetBoolean()).Select(f => f.GetProperty("rule").GetString()!);

    [Fact]
    public async Task A_plain_create_index_on_a_populated_table_takes_a_share_lock_as_rat001_says()
    {
        var (json, code) = await TraceAsync("CREATE INDEX accounts_email ON accounts (email);");

        var trace = Statement(json);
        Assert.Contains(trace.GetProperty("locks").EnumerateArray(), l => l.GetProperty("table").GetString() == "accounts" && l.GetProperty("mode").GetString() == "ShareLock");
        Assert.Contains("accounts", trace.GetProperty("scanned").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(trace.GetProperty("rewritten").EnumerateArray());
        Assert.Contains("RAT001", Rules(json));
        Assert.Contains("RAT104", Rules(json));
        Assert.Equal(3, code);
    }

    [Fact]
    public async Task Int_to_bigint_takes_access_exclusive_and_rewrites_as_rat015_says()
    {
        var (json, code) = await TraceAsync("ALTER TABLE accounts ALTER COLUMN balance TYPE bigint;");

        var trace = Statement(json);
        Assert.Contains(trace.GetProperty("locks").EnumerateArray(), l => l.GetProperty("table").GetString() == "accounts" && l.GetProperty("mode").GetString() == "AccessExclusiveLock");
        Assert.Equal(["accounts"], trace.GetProperty("rewritten").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("RAT015", Rules(json));
        Assert.Contains("RAT103", Rules(json));
        Assert.Equal(3, code);
    }

    [Fact]
    public async Task Add_check_not_valid_scans_nothing_and_neither_rule_flags_it()
    {
        var (json, code) = await TraceAsync("ALTER TABLE accounts ADD CONSTRAINT accounts_balance_positive CHECK (balance >= 0) NOT VALID;");

        var trace = Statement(json);
        Assert.Empty(trace.GetProperty("scanned").EnumerateArray());
        Assert.Empty(trace.GetProperty("rewritten").EnumerateArray());
        Assert.DoesNotContain("RAT009", Rules(json));
        Assert.DoesNotContain("RAT104", Rules(json));
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Add_check_without_not_valid_scans_the_table_under_its_lock_as_rat009_says()
    {
        var (json, _) = await TraceAsync("ALTER TABLE accounts ADD CONSTRAINT accounts_balance_positive CHECK (balance >= 0);");

        var trace = Statement(json);
        Assert.Contains("accounts", trace.GetProperty("scanned").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("RAT009", Rules(json));
        Assert.Contains("RAT104", Rules(json));
    }

    [Fact]
    public async Task With_the_runner_lock_timeout_off_a_blocking_lock_is_rat101_as_rat023_says()
    {
        var (json, _) = await TraceAsync("ALTER TABLE accounts ADD COLUMN note text;", "-- ratchet:lock-timeout off");

        Assert.Equal(0, Statement(json).GetProperty("lockTimeoutMs").GetInt64());
        Assert.Contains("RAT023", Rules(json));
        Assert.Contains("RAT101", Rules(json));
    }
}
