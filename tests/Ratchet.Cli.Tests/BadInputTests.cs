using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>Every kind of bad input: a message naming the file, line or revision; the documented exit code; an unchanged database.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly ProjectFolder _project = new();


    /// <summary>Applies one good revision, so "unchanged" means more than "still empty".</summary>
    private async Task<string> ApplyBaselineAsync()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
        var up = await _project.RunAsync("up");
        Assert.True(up.ExitCode == 0, up.ToString());
        return await _project.Database.SnapshotAsync();
    }

    [Fact]
    public async Task Sql_failing_in_the_middle_of_up_rolls_that_revision_back_and_keeps_earlier_ones()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);\nINSERT INTO b VALUES (1);\nINSERT INTO nope VALUES (1);", "DROP TABLE b;");

        var result = await _project.RunAsync("up");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine("migrations", "002__revision_002.sql")}:8: revision 002 (up) failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("no such table: nope", result.Error, StringComparison.Ordinal);
        Assert.True(await _project.Database.TableExistsAsync("a"));
        Assert.False(await _project.Database.TableExistsAsync("b"));
        var status = await _project.RunAsync("status");
        Assert.Contains("1 of 2, 1 pending", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_directive_names_file_and_line_and_runs_nothing()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Write("002__x.sql", "-- ratchet:revises 001\n-- ratchet:transactional off\n-- ratchet:up\nCREATE TABLE b (id INTEGER);\n");

        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{Path.Combine("migrations", "002__x.sql")}:2: unknown directive `transactional`", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_cycle_names_the_files_and_runs_nothing()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Add("002", "003", "CREATE TABLE b (id INTEGER);");
        _project.Migrations.Add("003", "002", "CREATE TABLE c (id INTEGER);");

        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the revisions form a cycle", result.Error, StringComparison.Ordinal);
        Assert.Contains("002__revision_002.sql", result.Error, StringComparison.Ordinal);
        Assert.Contains("003__revision_003.sql", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task An_unknown_parent_names_the_file_and_runs_nothing()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Add("002", "000x", "CREATE TABLE b (id INTEGER);");

        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("002__revision_002.sql: revision '002' revises unknown revision '000x'", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_duplicate_id_names_both_files_and_runs_nothing()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Write("002__one.sql", "-- ratchet:revises 001\n-- ratchet:up\nCREATE TABLE b (id INTEGER);\n");
        _project.Migrations.Write("002__two.sql", "-- ratchet:revises 001\n-- ratchet:up\nCREATE TABLE c (id INTEGER);\n");

        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("duplicate revision id '002'", result.Error, StringComparison.Ordinal);
        Assert.Contains("002__one.sql", result.Error, StringComparison.Ordinal);
        Assert.Contains("002__two.sql", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task An_edited_applied_revision_fails_validate_and_up_with_exit_3()
    {
        var before = await ApplyBaselineAsync();
        var file = Path.Combine(_project.Migrations.Path, "001__revision_001.sql");
        File.WriteAllText(file, File.ReadAllText(file).Replace("VALUES (1)", "VALUES (2)", StringComparison.Ordinal));
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);");

        var validate = await _project.RunAsync("validate");
        var up = await _project.RunAsync("up");

        Assert.Equal(3, validate.ExitCode);
        Assert.Contains("001__revision_001.sql: revision 001 is applied but its up section changed", validate.Error, StringComparison.Ordinal);
        Assert.Equal(3, up.ExitCode);
        Assert.Contains("do not match the database's history; nothing was run", up.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task An_unreachable_database_is_exit_2_and_never_shows_the_password()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);");

        var missingFolder = await _project.RunAsync("up", "--url", "sqlite:no/such/folder/x.db");
        var server = await _project.RunAsync("status", "--url", "postgres://bob:s3cret@127.0.0.1:1/app");

        Assert.Equal(2, missingFolder.ExitCode);
        Assert.Contains("cannot open database sqlite:no/such/folder/x.db", missingFolder.Error, StringComparison.Ordinal);
        Assert.Equal(2, server.ExitCode);
        Assert.DoesNotContain("s3cret", server.All, StringComparison.Ordinal);
        Assert.Contains("postgres://bob:***@127.0.0.1:1/app", server.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_project.Root, "ratchet.db")));
    }

    [Fact]
    public async Task A_malformed_url_is_exit_2_and_never_shows_the_password()
    {
        var before = await ApplyBaselineAsync();

        var result = await _project.RunAsync("up", "--url", "postgres//bob:s3cret@db/app");
        var json = await _project.RunAsync("up", "--url", "postgres//bob:s3cret@db/app", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("malformed database URL 'postgres//bob:***@db/app'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.All + json.All, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_exit_2()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);");
        File.WriteAllText(Path.Combine(_project.Root, "ratchet.db"), "this is not a database, just text that is long enough to look like a header");

        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot open database sqlite:ratchet.db", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("this is not a database", File.ReadAllText(Path.Combine(_project.Root, "ratchet.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_migrations_folder_is_exit_2_and_creates_no_database()
    {
        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no migrations in migrations", result.Error, StringComparison.Ordinal);
        Assert.Contains("ratchet new", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_project.Root, "ratchet.db")));
    }

    [Fact]
    public async Task A_missing_migrations_folder_is_exit_2()
    {
        var result = await _project.RunAsync("status", "--dir", "elsewhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("migrations folder 'elsewhere' does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_does_not_exist_is_exit_2_and_changes_nothing()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");

        var up = await _project.RunAsync("up", "999");
        var down = await _project.RunAsync("down", "nope@base");

        Assert.Equal(2, up.ExitCode);
        Assert.Contains("unknown revision '999'", up.Error, StringComparison.Ordinal);
        Assert.Equal(2, down.ExitCode);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_false_check_is_exit_3_and_applies_nothing()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Write("002__c.sql", "-- ratchet:revises 001\n-- ratchet:check\nSELECT count(*) = 0 FROM a;\n-- ratchet:up\nCREATE TABLE b (id INTEGER);\n-- ratchet:down\nDROP TABLE b;\n");

        var result = await _project.RunAsync("up");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{Path.Combine("migrations", "002__c.sql")}:3: check of revision 002 failed", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_false_verify_is_exit_3_and_rolls_back()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Write("002__v.sql", "-- ratchet:revises 001\n-- ratchet:up\nDELETE FROM a;\n-- ratchet:verify\nSELECT count(*) = 1 FROM a;\n-- ratchet:down\n");

        var result = await _project.RunAsync("up");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("verify of revision 002 failed: the query returned '0'", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Unknown_options_are_exit_2()
    {
        var result = await _project.RunAsync("up", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_held_by_another_runner_is_exit_4_naming_the_holder()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        await _project.Database.ExecuteAsync(
            "INSERT INTO ratchet_lock (id, pid, host, process_start, owner, acquired_at, token) VALUES (1, 99, 'ci-runner-3', 1, 'deploy@ci-runner-3', '2026-01-01 00:00:00Z', 't')");

        var result = await _project.RunAsync("up", "--lock-timeout", "300ms");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("held by pid 99 on ci-runner-3", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    public void Dispose() => _project.Dispose();

}
