using Ratchet.Revisions;
using Ratchet.Sources.Layouts;
using Xunit;

namespace Ratchet.Tests.Sources;

/// <summary>
/// What each foreign layout's reader makes of the folders under tests/Ratchet.Cli.Tests/Adopt/Layouts (the same folders
/// the end-to-end tests apply): ids, parents, transaction flags, statement boundaries.
/// </summary>
public sealed class LayoutReadingTests
{
    private static string Layouts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Ratchet.Cli.Tests", "Adopt", "Layouts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Ratchet.Cli.Tests/Adopt/Layouts");
    }

    private static IReadOnlyList<Revision> Read(string layout) => MigrationLayouts.Read(Path.Combine(Layouts(), layout), layout, null);

    private static List<string> Statements(MigrationScript? script) => ((SqlScript)script!).Statements.Select(s => s.Sql).ToList();

    [Theory]
    [InlineData("golang-migrate", "golang-migrate")]
    [InlineData("dbmate", "dbmate")]
    [InlineData("goose", "goose")]
    [InlineData("flyway", "flyway")]
    [InlineData("diesel", "folders")]
    [InlineData("dag", "folders")]
    [InlineData("alembic", "alembic")]
    public void The_layout_is_detected(string folder, string layout) =>
        Assert.Equal(layout, MigrationLayouts.Detect(Path.Combine(Layouts(), folder))?.Name);

    [Fact]
    public void A_native_folder_is_detected_as_no_foreign_layout() => Assert.Null(MigrationLayouts.Detect(Path.Combine(Layouts(), "native")));

    /// <summary>
    /// A header directive on the first line makes a file native whatever its name; a statement's annotation there (a lint
    /// ignore above a flyway or goose file's first statement) does not.
    /// </summary>
    [Theory]
    [InlineData("-- ratchet:revises base\n-- ratchet:up\nCREATE TABLE a (id int);\n", "V1__a.sql", null)]
    [InlineData("-- ratchet:message first\n-- ratchet:up\nCREATE TABLE a (id int);\n", "V1__a.sql", null)]
    [InlineData("-- ratchet:ignore RAT001 small table\nCREATE TABLE a (id int);\n", "V1__a.sql", "flyway")]
    [InlineData("-- ratchet:ignore RAT001 small table\n-- +goose Up\nCREATE TABLE a (id int);\n", "20260101000000_a.sql", "goose")]
    public void The_first_line_decides_whether_a_file_is_native(string text, string name, string? layout)
    {
        var folder = Directory.CreateTempSubdirectory("ratchet-layout-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, name), text);
            Assert.Equal(layout, MigrationLayouts.Detect(folder)?.Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Golang_migrate_is_a_chain_by_version_with_its_down_files()
    {
        var revisions = Read("golang-migrate");

        Assert.Equal(["1", "2", "3"], revisions.Select(r => r.Id));
        Assert.Equal(["2"], revisions[2].Parents);
        Assert.Equal("add account name", revisions[1].Message);
        Assert.Equal(["DROP TABLE entries"], Statements(revisions[2].Down));
    }

    [Fact]
    public void Dbmate_reads_transaction_false_on_the_up_marker()
    {
        var revisions = Read("dbmate");

        Assert.Equal(["20240101000001", "20240101000002", "20240101000003"], revisions.Select(r => r.Id));
        Assert.Equal([true, false, true], revisions.Select(r => r.Transactional));
        Assert.Equal(2, Statements(revisions[1].Down).Count);
    }

    [Fact]
    public void Goose_keeps_a_statement_block_whole_and_reads_no_transaction()
    {
        var revisions = Read("goose");

        Assert.Equal(["1", "2", "3"], revisions.Select(r => r.Id));
        Assert.False(revisions[1].Transactional);
        var up = Statements(revisions[2].Up);
        Assert.Equal(2, up.Count);
        Assert.StartsWith("CREATE VIEW entry_totals AS", up[1], StringComparison.Ordinal);
        Assert.Contains("GROUP BY account_id", up[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Flyway_reads_versions_with_dots_undo_files_as_downs_and_repeatables_apart()
    {
        var graph = new RevisionGraph(Read("flyway"));

        Assert.Equal(["1", "1.1", "2"], graph.Ordered.Select(r => r.Id));
        Assert.Equal(["1"], graph["1.1"].Parents);
        Assert.Equal(["DROP TABLE entries"], Statements(graph["2"].Down));
        var repeatable = Assert.Single(graph.Repeatables);
        Assert.Equal("R__account_emails", repeatable.Id);
        Assert.Null(repeatable.Down);
    }

    [Fact]
    public void Diesel_folders_read_run_in_transaction_from_metadata_toml()
    {
        var revisions = Read("diesel");

        Assert.Equal(["2024-01-01-000001", "2024-01-01-000002", "2024-01-01-000003-0000"], revisions.Select(r => r.Id));
        Assert.Equal([true, false, true], revisions.Select(r => r.Transactional));
    }

    [Fact]
    public void Metadata_yaml_names_parents_flags_and_non_idempotence()
    {
        var graph = new RevisionGraph(Read("dag"));

        Assert.Equal(["0003", "0004"], graph["0005"].Parents);
        Assert.Equal(["0001"], graph["0004"].Parents);
        Assert.False(graph["0002"].Transactional);
        Assert.False(graph["0002"].Idempotent);
        Assert.True(graph["0003"].Idempotent);
        Assert.Equal(["0005"], graph.Heads.Select(h => h.Id));
    }

    [Fact]
    public void Alembic_reads_down_revision_tuples_as_merges()
    {
        var graph = new RevisionGraph(Read("alembic"));

        Assert.Equal(["c3d4e5f6a1b2", "d4e5f6a1b2c3"], graph["e5f6a1b2c3d4"].Parents.Order(StringComparer.Ordinal));
        Assert.Empty(graph["a1b2c3d4e5f6"].Parents);
        Assert.True(graph["e5f6a1b2c3d4"].IsMerge);
    }
}
