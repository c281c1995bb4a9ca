using Ratchet.Execution;
using Ratchet.Revisions;
using Ratchet.Sources;
using Ratchet.Specification.Tests.Migrations;
using Xunit;

namespace Ratchet.Specification.Tests;

/// <summary>C# migrations with typed operations, up and down, on a real engine.</summary>
public abstract class CSharpMigrationSpecification<TFixture>(TFixture fixture) : SpecificationBase<TFixture>(fixture)
    where TFixture : class, IEngineFixture
{
    private static readonly Type[] All = [typeof(CreateUsers), typeof(AddUserRoles), typeof(MigrateUserStatusToEnumType), typeof(CreateAuditTrail)];

    private Migrator CSharp() => new(Db.Engine, new RevisionGraph(AssemblySource.FromTypes(All)));

    private Task<RunResult> CSharpUpAsync(string target) => CSharp().UpAsync(Target.Parse(target));

    private Task<RunResult> CSharpDownAsync(string target) => CSharp().DownAsync(Target.Parse(target));

    private async Task SeedUsersAsync() =>
        await Db.ExecuteAsync("INSERT INTO users (id, name, is_active) VALUES (1, 'ada', true), (2, 'bob', false), (3, 'cy', true)");

    [Fact]
    public async Task Add_user_roles_creates_the_table_indexes_and_constraints_and_its_down_removes_them()
    {
        await CSharpUpAsync("20260201_001");
        var before = await Db.SchemaAsync();

        await CSharpUpAsync("20260203_001");
        var schema = await Db.SchemaAsync();
        Assert.Contains("idx_user_roles_user_id", schema, StringComparison.Ordinal);
        Assert.Contains("idx_user_roles_role", schema, StringComparison.Ordinal);
        Assert.Contains("uq_user_role", schema, StringComparison.Ordinal);
        await SeedUsersAsync();
        await Db.ExecuteAsync("INSERT INTO user_roles (id, user_id, role) VALUES (1, 1, 'admin'), (2, 2, 'admin')");
        Assert.Equal(1, await Db.CountAsync("SELECT count(*) FROM user_roles WHERE id = 1 AND created_at IS NOT NULL AND updated_at IS NOT NULL"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Db.ExecuteAsync("INSERT INTO user_roles (id, user_id, role) VALUES (3, 1, 'admin')"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Db.ExecuteAsync("INSERT INTO user_roles (id, user_id, role) VALUES (4, 99, 'x')"));
        await Db.ExecuteAsync("DELETE FROM users WHERE id = 1");
        Assert.Equal(["2"], await Db.ListAsync("SELECT user_id FROM user_roles ORDER BY id"));

        await CSharpDownAsync("20260201_001");
        Assert.False(await Db.TableExistsAsync("user_roles"));
        Assert.Equal(before, await Db.SchemaAsync());
    }

    [Fact]
    public async Task User_status_to_enum_converts_every_row_both_ways()
    {
        await CSharpUpAsync("20260203_001");
        await SeedUsersAsync();
        var before = await Db.SchemaAsync();

        await CSharpUpAsync("20260204_001");
        Assert.Equal(["1:active", "2:inactive", "3:active"], await Db.ListAsync("SELECT id || ':' || status FROM users ORDER BY id"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Db.ExecuteAsync("UPDATE users SET status = 'bogus' WHERE id = 1"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Db.ExecuteAsync("INSERT INTO users (id, name) VALUES (4, 'no status')"));
        await Db.ExecuteAsync("UPDATE users SET status = 'suspended' WHERE id = 3");

        await CSharpDownAsync("20260203_001");
        Assert.Equal(["1:t", "2:f", "3:f"], await Db.ListAsync("SELECT id || ':' || CASE WHEN is_active THEN 't' ELSE 'f' END FROM users ORDER BY id"));
        Assert.Equal(before, await Db.SchemaAsync());
    }

    [Fact]
    public async Task A_migration_without_down_is_reverted_by_its_derived_down()
    {
        await CSharpUpAsync("20260204_001");
        var before = await Db.SchemaAsync();

        await CSharpUpAsync("head");
        Assert.True(await Db.TableExistsAsync("audit_events"));
        var result = await CSharpDownAsync("-1");

        Assert.Equal("20260205_001", Assert.Single(result.Plan.Steps).Revision.Id);
        Assert.False(await Db.TableExistsAsync("audit_events"));
        Assert.Equal(before, await Db.SchemaAsync());
    }

    [Fact]
    public async Task Csharp_and_sql_revisions_share_one_graph()
    {
        Folder.Add("20260206_001", "20260205_001", "CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));", "DROP TABLE notes;");
        var graph = new RevisionGraph(RevisionLinker.Link(AssemblySource.FromTypes(All).Concat(SqlFileSource.Read(Folder.Path, Folder.Path))));

        var up = await new Migrator(Db.Engine, graph).UpAsync(Target.Head);

        Assert.Equal(5, up.Plan.Steps.Count);
        Assert.True(await Db.TableExistsAsync("notes"));
        Assert.Equal(["csharp", "csharp", "csharp", "csharp", "sql"], (await new Migrator(Db.Engine, graph).ReadHistoryAsync()).Select(h => h.Kind));
    }
}
