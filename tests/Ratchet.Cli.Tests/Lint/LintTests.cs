using System.Text.Json;
using Ratchet.PostgreSql.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Lint;

/// <summary><c>ratchet lint</c> end to end: the example, the output formats, bad input.</summary>
public sealed class LintTests : IDisposable
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    private readonly ProjectFolder _project = new();

    [Theory]
    [InlineData("sqlite@3.40")]
    [InlineData("postgres@15")]
    public async Task The_shop_example_has_no_error_level_finding_and_each_suppression_gives_its_reason(string target)
    {
        _project.WithExample("shop");

        var result = await _project.RunAsync("--config", "ratchet.toml", "lint", "--target", target, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(8, json.RootElement.GetProperty("revisions").GetInt32());
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("suppressed").GetBoolean()),
            f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("reason").GetString())));
        Assert.False(File.Exists(Path.Combine(_project.Root, "shop.db")), "lint touches no database");
    }

    [Fact]
    public async Task An_error_is_exit_3_with_file_line_column_the_hazard_and_the_fix()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;");
        _project.Migrations.Add("002", "001", "CREATE INDEX users_email ON users (email);", "DROP INDEX users_email;");

        var result = await _project.RunAsync("lint", "--target", "postgres@15");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(Path.Combine("migrations", "002__revision_002.sql"), result.Out, StringComparison.Ordinal);
        Assert.Contains("6:1     error    RAT001  CREATE INDEX users_email takes a SHARE lock on users", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix: CREATE INDEX CONCURRENTLY", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_of_one_revision_reports_only_its_findings()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE t (id bigint);", "DROP TABLE users;");
        _project.Migrations.Add("002", "001", "ALTER TABLE users DROP COLUMN email;", "SELECT 1;");
        _project.Migrations.Add("003", "002", "DROP TABLE t;", "SELECT 1;");

        var result = await _project.RunAsync("lint", "002", "--json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["RAT017"], json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Sarif_output_has_the_required_structure_of_sarif_2_1_0()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;");
        _project.Migrations.Add("002", "001", "-- ratchet:ignore RAT017 the column was never read\nALTER TABLE users DROP COLUMN email;\nCREATE INDEX users_id ON users (id);", "SELECT 1;");

        var result = await _project.RunAsync("lint", "--target", "postgres@15", "--format", "sarif", "--output", "lint.sarif");
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_project.Root, "lint.sarif"), TestContext.Current.CancellationToken));

        Assert.Equal(3, result.ExitCode);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("ratchet", driver.GetProperty("name").GetString());
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("RAT001", ruleIds);
        Assert.Contains("RAT105", ruleIds);
        Assert.All(driver.GetProperty("rules").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString())));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var id = r.GetProperty("ruleId").GetString();
            Assert.Equal(id, ruleIds[r.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(r.GetProperty("level").GetString(), Levels);
            Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(r.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.EndsWith("002__revision_002.sql", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
        }

        var suppressed = results.Single(r => r.GetProperty("ruleId").GetString() == "RAT017");
        Assert.Equal("inSource", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());
        Assert.Equal("the column was never read", suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString());
    }

    [Fact]
    public async Task A_suppression_without_a_reason_is_an_error()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;");
        _project.Migrations.Add("002", "001", "-- ratchet:ignore RAT017\nALTER TABLE users DROP COLUMN email;", "SELECT 1;");

        var result = await _project.RunAsync("lint");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("RAT000  this `-- ratchet:ignore` of RAT017 gives no reason", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--target", "oracle@19", "--target oracle@19: unknown engine 'oracle'")]
    [InlineData("--target", "postgres@x", "--target postgres@x: 'x' is not a version")]
    [InlineData("999", null, "unknown revision '999'")]
    public async Task Bad_input_is_exit_2_and_names_what_is_wrong(string first, string? second, string message)
    {
        _project.Migrations.Add("001", null, "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
        string[] args = second is null ? ["lint", first] : ["lint", first, second];

        var result = await _project.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_project.Root, "ratchet.db")));
    }

    [Fact]
    public async Task Trace_on_sqlite_is_exit_2()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");

        var result = await _project.RunAsync("lint", "--trace");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--trace needs PostgreSQL", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _project.Dispose();
}
