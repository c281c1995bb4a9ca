using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Revisions;
using Ratchet.Sources;
using Ratchet.Sqlite;
using Xunit;

namespace Ratchet.Tests.Execution;

public sealed class ScriptWriterTests
{
    [Fact]
    public void Writes_each_revision_with_its_history_rows_inside_its_transaction()
    {
        var file = SqlMigrationFileParser.Parse("m/001__t.sql", """
            -- ratchet:revises base
            -- ratchet:message It's a table
            -- ratchet:check
            SELECT 1 = 1;
            -- ratchet:up
            CREATE TABLE t (id INTEGER);
            -- ratchet:down
            DROP TABLE t;
            """);
        var revision = new Revision { Id = "001", Message = file.Message, Up = file.Up, Down = file.Down, Checks = file.Checks, Source = new SourceLocation(file.Path, 0) };
        var plan = Planner.PlanUp(new RevisionGraph([revision]), [], Target.Head);

        var sql = ScriptWriter.Write(plan, SqliteDialect.Instance, HistoryTableNames.Default, "test");
        var step = sql[sql.IndexOf("-- 001 up", StringComparison.Ordinal)..];

        Assert.Equal($"""
            -- 001 up: It's a table (m/001__t.sql)
            -- check (must return no rows or true): SELECT 1 = 1
            BEGIN IMMEDIATE;
            CREATE TABLE t (id INTEGER);
            INSERT INTO "ratchet_history" (revision_id, parents, message, kind, state, checksum_up, checksum_down, applied_at, applied_by, duration_ms, tool_version, sequence) VALUES ('001', '', 'It''s a table', 'sql', 'applied', '{file.Up.Checksum}', '{file.Down!.Checksum}', CURRENT_TIMESTAMP, '{RunnerIdentity.UserAtHost}', 0, '{RunnerIdentity.ToolVersion}', (SELECT COALESCE(MAX(sequence), 0) + 1 FROM "ratchet_history"));
            INSERT INTO "ratchet_log" (revision_id, action, at, performed_by, duration_ms, checksum, tool_version) VALUES ('001', 'up', CURRENT_TIMESTAMP, '{RunnerIdentity.UserAtHost}', 0, '{file.Up.Checksum}', '{RunnerIdentity.ToolVersion}');
            COMMIT;

            """, step);
        Assert.StartsWith("-- test\n-- 1 revision(s), up to head", sql, StringComparison.Ordinal);
    }
}
