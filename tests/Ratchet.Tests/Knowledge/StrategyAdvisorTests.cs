using Ratchet.Knowledge;
using Ratchet.Online;
using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Sources;
using Xunit;

namespace Ratchet.Tests.Knowledge;

/// <summary>The strategy and rollback approach the knowledge base states for each kind of revision.</summary>
public sealed class StrategyAdvisorTests
{
    [Theory]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY);\nCREATE INDEX t_id ON t (id);", "DROP TABLE t;", MigrationStrategy.AddOnly, "creates table t")]
    [InlineData("ALTER TABLE t ADD COLUMN c int;", "ALTER TABLE t DROP COLUMN c;", MigrationStrategy.AddOnly, "adds column t.c")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT t_c CHECK (c > 0) NOT VALID;", "ALTER TABLE t DROP CONSTRAINT t_c;", MigrationStrategy.MultiPhase, "adds t_c NOT VALID")]
    [InlineData("ALTER TABLE t VALIDATE CONSTRAINT t_c;", "SELECT 1;", MigrationStrategy.MultiPhase, "validates t_c on t")]
    [InlineData("ALTER TABLE t DROP COLUMN c;", "ALTER TABLE t ADD COLUMN c int;", MigrationStrategy.Destructive, "drops column t.c")]
    [InlineData("UPDATE t SET c = 0 WHERE c IS NULL;", "SELECT 1;", MigrationStrategy.DataMigration, "UPDATE t")]
    [InlineData("ALTER TABLE t ALTER COLUMN c TYPE bigint;", "ALTER TABLE t ALTER COLUMN c TYPE int;", MigrationStrategy.InPlace, "alters column t.c")]
    public void A_sql_revision_gets_the_strategy_its_statements_imply(string up, string down, MigrationStrategy strategy, string because)
    {
        var advice = StrategyAdvisor.For(Revision(up, down), []);
        Assert.Equal(strategy, advice.Strategy);
        Assert.Contains(advice.Because, b => b.Contains(because, StringComparison.Ordinal));
        Assert.Equal(RollbackApproach.Written, advice.Rollback);
    }

    [Fact]
    public void Without_a_down_the_rollback_is_irreversible()
    {
        Assert.Equal(RollbackApproach.Irreversible, StrategyAdvisor.For(Revision("CREATE TABLE t (id int);", null), []).Rollback);
    }

    [Fact]
    public void A_typed_migration_without_down_has_a_derived_rollback()
    {
        var revision = Assert.Single(AssemblySource.FromTypes(typeof(AddsTable)));
        var advice = StrategyAdvisor.For(revision, []);
        Assert.Equal(RollbackApproach.Derived, advice.Rollback);
        Assert.Equal(MigrationStrategy.AddOnly, advice.Strategy);
    }

    [Fact]
    public void An_online_revision_is_expand_contract_with_its_operations_as_the_reason()
    {
        var revision = Assert.Single(AssemblySource.FromTypes(typeof(WidensIds)));
        var advice = StrategyAdvisor.For(revision, []);
        Assert.Equal(MigrationStrategy.ExpandContract, advice.Strategy);
        Assert.Equal(["online alter column orders.id type bigint"], advice.Because);
        Assert.Equal(RollbackApproach.Derived, advice.Rollback);
        Assert.StartsWith("expand/contract", advice.StrategyText, StringComparison.Ordinal);
    }

    private static Revision Revision(string up, string? down)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ratchet-advice-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "001__r.sql"), $"-- ratchet:revises base\n-- ratchet:up\n{up}\n{(down is null ? "" : $"-- ratchet:down\n{down}\n")}");
            return Assert.Single(SqlFileSource.Load(folder, "m"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Migration("001", Revises = "base", Message = "adds a table")]
    private sealed class AddsTable : Migration
    {
        public override void Up(MigrationBuilder op) => op.CreateTable("t", t => t.Column("id", SqlType.Int));
    }

    [Migration("002", Revises = "001", Message = "widen ids")]
    private sealed class WidensIds : OnlineMigration
    {
        public override void Up(OnlineBuilder online) => online.ChangeColumnType("orders", "id", SqlType.BigInt);
    }
}
