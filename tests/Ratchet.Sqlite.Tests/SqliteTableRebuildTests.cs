using Ratchet.Execution;
using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Sources;
using Xunit;

namespace Ratchet.Sqlite.Tests;

/// <summary>SQLite's table rebuild keeps what depends on the table and refuses broken foreign keys.</summary>
public sealed class SqliteTableRebuildTests : IAsyncDisposable
{
    private readonly SqliteTestDatabase _db = new();

    [Migration("001", Revises = "base", Message = "Parent with an index, a trigger, a view and a child")]
    public sealed class CreateParentAndChild : Migration
    {
        public override void Up(MigrationBuilder op)
        {
            op.CreateTable("parents", t =>
            {
                t.Column("id", SqlType.Int).PrimaryKey();
                t.Column("name", SqlType.Text);
                t.Column("touched", SqlType.Int).NotNull().Default(0);
            });
            op.CreateIndex("ix_parents_name", "parents", "name");
            op.Sql("CREATE TRIGGER trg_parents_touch AFTER UPDATE OF name ON parents BEGIN UPDATE parents SET touched = touched + 1 WHERE id = NEW.id; END",
                down: "DROP TRIGGER trg_parents_touch");
            op.Sql("CREATE VIEW named_parents AS SELECT id, name FROM parents WHERE name IS NOT NULL", down: "DROP VIEW named_parents");
            op.CreateTable("children", t =>
            {
                t.Column("id", SqlType.Int).PrimaryKey();
                t.Column("parent_id", SqlType.Int).NotNull().References("parents", "id", onDelete: ReferentialAction.Cascade);
            });
        }
    }

    [Migration("002", Revises = "001", Message = "Make parent names required")]
    public sealed class RequireNames : Migration
    {
        public override void Up(MigrationBuilder op) => op.AlterColumn("parents", "name", c => c.NotNull());
    }

    [Migration("003", Revises = "002", Message = "A foreign key the existing rows break")]
    public sealed class BrokenForeignKey : Migration
    {
        public override void Up(MigrationBuilder op) =>
            op.AddForeignKey("fk_parents_touched", "parents", ["touched"], "children", ["id"]);
    }

    private Migrator Migrator(params Type[] types) => new(_db.Engine, new RevisionGraph(AssemblySource.FromTypes(types)));

    [Fact]
    public async Task Altering_a_column_keeps_the_index_trigger_view_and_referencing_foreign_key_and_every_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await Migrator(typeof(CreateParentAndChild)).UpAsync(Target.Head, ct);
        await _db.ExecuteAsync("INSERT INTO parents (id, name) VALUES (1, 'a'), (2, 'b'); INSERT INTO children (id, parent_id) VALUES (10, 1), (20, 2)");

        await Migrator(typeof(CreateParentAndChild), typeof(RequireNames)).UpAsync(Target.Head, ct);

        var ddl = (string)(await _db.ScalarAsync("SELECT sql FROM sqlite_schema WHERE name = 'parents'"))!;
        Assert.Contains("\"name\" TEXT NOT NULL", ddl, StringComparison.Ordinal);
        Assert.Equal(["index:ix_parents_name", "table:parents", "trigger:trg_parents_touch"],
            await _db.ListAsync("SELECT type || ':' || name FROM sqlite_schema WHERE tbl_name = 'parents' AND sql IS NOT NULL ORDER BY type, name"));
        Assert.Equal(1, await _db.CountAsync("SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = 'named_parents'"));
        Assert.Equal(["parents:parent_id->id:CASCADE"],
            await _db.ListAsync("SELECT \"table\" || ':' || \"from\" || '->' || \"to\" || ':' || on_delete FROM pragma_foreign_key_list('children')"));
        Assert.Equal(2, await _db.CountAsync("SELECT count(*) FROM named_parents"));
        await _db.ExecuteAsync("UPDATE parents SET name = 'aa' WHERE id = 1");
        Assert.Equal(1, await _db.CountAsync("SELECT touched FROM parents WHERE id = 1"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _db.ExecuteAsync("INSERT INTO parents (id) VALUES (3)"));
        Assert.Equal(1, await _db.CountAsync("PRAGMA foreign_keys"));

        await Migrator(typeof(CreateParentAndChild), typeof(RequireNames)).DownAsync(Target.Parse("-1"), ct);
        await _db.ExecuteAsync("INSERT INTO parents (id) VALUES (3)");
        await _db.ExecuteAsync("DELETE FROM parents WHERE id = 2");
        Assert.Equal(["10"], await _db.ListAsync("SELECT id FROM children ORDER BY id"));
    }

    [Fact]
    public async Task A_rebuild_that_breaks_a_foreign_key_fails_the_revision_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await Migrator(typeof(CreateParentAndChild), typeof(RequireNames)).UpAsync(Target.Head, ct);
        await _db.ExecuteAsync("INSERT INTO parents (id, name, touched) VALUES (1, 'a', 77)");
        var before = await _db.SnapshotAsync();

        var error = await Assert.ThrowsAsync<MigrationFailedException>(
            () => Migrator(typeof(CreateParentAndChild), typeof(RequireNames), typeof(BrokenForeignKey)).UpAsync(Target.Head, ct));

        Assert.Contains("foreign_key_check reports 1 row(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _db.SnapshotAsync());
        Assert.Equal(1, await _db.CountAsync("PRAGMA foreign_keys"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
