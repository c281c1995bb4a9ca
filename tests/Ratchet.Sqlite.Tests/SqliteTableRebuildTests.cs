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

    [Migration("003", Revises = "002", Message = "A foreign key that a later statement of the same revision breaks")]
    public sealed class ForeignKeyBrokenAfter : Migration
    {
        public override void Up(MigrationBuilder op)
        {
            op.AddForeignKey("fk_parents_touched", "parents", ["touched"], "children", ["id"]);
            op.Sql("UPDATE parents SET touched = 99 WHERE id = 1", down: "SELECT 1");
        }
    }

    [Migration("101", Revises = "base", Message = "Awkward table: generated column, SET DEFAULT action, mixed-case name, a trigger elsewhere")]
    public sealed class AwkwardTable : Migration
    {
        public override void Up(MigrationBuilder op)
        {
            op.Sql("CREATE TABLE Owners (id INTEGER PRIMARY KEY)", down: "DROP TABLE Owners");
            op.Sql("INSERT INTO Owners (id) VALUES (0), (1)", down: "DELETE FROM Owners");
            op.Sql("""
                CREATE TABLE Pets (
                    id INTEGER PRIMARY KEY,
                    owner_id INTEGER DEFAULT 0 REFERENCES Owners (id) ON DELETE SET DEFAULT,
                    name TEXT,
                    shout TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL
                )
                """, down: "DROP TABLE Pets");
            op.Sql("CREATE TABLE audit (what TEXT)", down: "DROP TABLE audit");
            op.Sql("CREATE TRIGGER trg_owners_gone AFTER DELETE ON Owners BEGIN INSERT INTO audit SELECT 'pets left: ' || count(*) FROM Pets; END",
                down: "DROP TRIGGER trg_owners_gone");
        }
    }

    [Migration("102", Revises = "101", Message = "Require pet names, in another case")]
    public sealed class RequirePetNames : Migration
    {
        public override void Up(MigrationBuilder op) => op.AlterColumn("pets", "name", c => c.NotNull());
    }

    [Migration("103", Revises = "102", Message = "Name becomes an enum and back")]
    public sealed class NameBecomesEnumType : Migration
    {
        public override void Up(MigrationBuilder op) => op.AlterColumn("pets", "name", c => c.Type(SqlType.Enum("pet_name", "rex", "tom"), from: SqlType.Text));
    }

    [Migration("201", Revises = "base", Message = "Needs a rebuild outside a transaction", Transactional = false)]
    public sealed class RebuildOutsideTransaction : Migration
    {
        public override void Up(MigrationBuilder op)
        {
            op.CreateTable("things", t => t.Column("id", SqlType.Int).PrimaryKey());
            op.AddCheckConstraint("ck_things_id", "things", "id > 0");
        }
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
    public async Task A_foreign_key_over_orphans_is_stopped_by_its_pre_check_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await Migrator(typeof(CreateParentAndChild), typeof(RequireNames)).UpAsync(Target.Head, ct);
        await _db.ExecuteAsync("INSERT INTO parents (id, name, touched) VALUES (1, 'a', 77)");
        var before = await _db.SnapshotAsync();

        var error = await Assert.ThrowsAsync<Ratchet.Verification.Integrity.IntegrityViolationException>(
            () => Migrator(typeof(CreateParentAndChild), typeof(RequireNames), typeof(BrokenForeignKey)).UpAsync(Target.Head, ct));

        Assert.Equal(RatchetErrorKind.CheckFailed, error.Kind);
        Assert.Contains("rows without a parent: (touched=77)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _db.SnapshotAsync());
        Assert.Equal(1, await _db.CountAsync("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task A_rebuild_whose_revision_breaks_a_foreign_key_later_fails_at_the_foreign_key_check_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await Migrator(typeof(CreateParentAndChild), typeof(RequireNames)).UpAsync(Target.Head, ct);
        await _db.ExecuteAsync("INSERT INTO parents (id, name, touched) VALUES (1, 'a', 0)");
        await _db.ExecuteAsync("INSERT INTO children (id, parent_id) VALUES (5, 1)");
        await _db.ExecuteAsync("UPDATE parents SET touched = 5 WHERE id = 1");
        var before = await _db.SnapshotAsync();

        var error = await Assert.ThrowsAnyAsync<RatchetException>(
            () => Migrator(typeof(CreateParentAndChild), typeof(RequireNames), typeof(ForeignKeyBrokenAfter)).UpAsync(Target.Head, ct));

        Assert.Contains("foreign_key_check reports rows whose foreign key has no parent, such as parents rowid 1 -> children", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _db.SnapshotAsync());
        Assert.Equal(1, await _db.CountAsync("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task A_rebuild_copes_with_generated_columns_set_default_actions_other_tables_triggers_and_name_case()
    {
        var ct = TestContext.Current.CancellationToken;
        await Migrator(typeof(AwkwardTable)).UpAsync(Target.Head, ct);
        await _db.ExecuteAsync("INSERT INTO Pets (id, owner_id, name) VALUES (1, 1, 'rex'), (2, 1, 'tom')");

        await Migrator(typeof(AwkwardTable), typeof(RequirePetNames)).UpAsync(Target.Head, ct);

        var ddl = (string)(await _db.ScalarAsync("SELECT sql FROM sqlite_schema WHERE name = 'Pets'"))!;
        Assert.Contains("ON DELETE SET DEFAULT", ddl, StringComparison.Ordinal);
        Assert.Contains("name TEXT NOT NULL", ddl, StringComparison.Ordinal);
        Assert.Contains("GENERATED ALWAYS AS (upper(name)) VIRTUAL", ddl, StringComparison.Ordinal);
        Assert.Equal(["REX", "TOM"], await _db.ListAsync("SELECT shout FROM Pets ORDER BY id"));
        await _db.ExecuteAsync("DELETE FROM Owners WHERE id = 1");
        Assert.Equal(["0", "0"], await _db.ListAsync("SELECT owner_id FROM Pets ORDER BY id"));
        Assert.Equal(["pets left: 2"], await _db.ListAsync("SELECT what FROM audit"));
    }

    [Fact]
    public async Task A_type_change_to_an_enum_and_back_swaps_its_check()
    {
        var ct = TestContext.Current.CancellationToken;
        await Migrator(typeof(AwkwardTable), typeof(RequirePetNames)).UpAsync(Target.Head, ct);
        var before = (string)(await _db.ScalarAsync("SELECT sql FROM sqlite_schema WHERE name = 'Pets'"))!;
        await _db.ExecuteAsync("INSERT INTO Pets (id, owner_id, name) VALUES (1, 1, 'rex')");

        await Migrator(typeof(AwkwardTable), typeof(RequirePetNames), typeof(NameBecomesEnumType)).UpAsync(Target.Head, ct);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _db.ExecuteAsync("INSERT INTO Pets (id, name) VALUES (2, 'felix')"));
        await Migrator(typeof(AwkwardTable), typeof(RequirePetNames), typeof(NameBecomesEnumType)).DownAsync(Target.Parse("-1"), ct);

        await _db.ExecuteAsync("INSERT INTO Pets (id, name) VALUES (2, 'felix')");
        Assert.DoesNotContain("CHECK", (string)(await _db.ScalarAsync("SELECT sql FROM sqlite_schema WHERE name = 'Pets'"))!, StringComparison.Ordinal);
        Assert.Equal(before.Replace("name TEXT NOT NULL", "", StringComparison.Ordinal),
            ((string)(await _db.ScalarAsync("SELECT sql FROM sqlite_schema WHERE name = 'Pets'"))!).Replace("name TEXT NOT NULL", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rebuild_in_a_revision_without_a_transaction_is_refused_before_anything_runs()
    {
        var error = await Assert.ThrowsAsync<RatchetException>(
            () => Migrator(typeof(RebuildOutsideTransaction)).UpAsync(Target.Head, TestContext.Current.CancellationToken));

        Assert.Equal(RatchetErrorKind.BadInput, error.Kind);
        Assert.Contains("needs a transaction; nothing was run", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_db.FilePath));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
