using System.Text;
using Ratchet.Engines;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>
/// Writes a plan as the exact SQL a run would execute, for review (<c>plan --sql</c>, <c>up --dry-run</c>): the
/// history tables, and per revision its statements and its history rows inside the same transaction. Check and
/// verify queries, which Ratchet evaluates, are shown as comments.
/// </summary>
public static class ScriptWriter
{
    /// <summary>Renders <paramref name="plan"/> for <paramref name="dialect"/>.</summary>
    public static string Write(MigrationPlan plan, SqlDialect dialect, HistoryTableNames names, string header)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(names);
        var sql = new StringBuilder();
        sql.Append("-- ").AppendLine(header);
        sql.Append("-- ").Append(plan.Steps.Count).Append(" revision(s), ").Append(plan.Direction.ToString().ToLowerInvariant())
            .Append(" to ").Append(plan.Target).AppendLine().AppendLine();
        foreach (var statement in dialect.CreateHistoryTables(names))
        {
            sql.Append(statement).AppendLine(";");
        }

        var history = dialect.Qualify(names.Schema, names.History);
        var log = dialect.Qualify(names.Schema, names.Log);
        foreach (var step in plan.Steps)
        {
            WriteStep(sql, step, dialect, history, log);
        }

        return sql.ToString();
    }

    private static void WriteStep(StringBuilder sql, PlanStep step, SqlDialect dialect, string history, string log)
    {
        var revision = step.Revision;
        var up = step.Direction == Direction.Up;
        sql.AppendLine().Append("-- ").Append(revision.Id).Append(' ').Append(up ? "up" : "down").Append(": ")
            .Append(revision.Message).Append(" (").Append(revision.Source.File).AppendLine(")");
        if (revision.Up is Online.OnlineScript online)
        {
            // Its steps are planned from the live catalogs when it starts: no fixed SQL exists to print.
            sql.AppendLine("-- online revision: not a script; `ratchet start`, then `ratchet complete`, plan its steps from the live schema (docs/online.md)");
            foreach (var operation in online.Operations)
            {
                sql.Append("--   ").AppendLine(operation.Describe());
            }

            return;
        }

        if (up)
        {
            foreach (var check in revision.Checks)
            {
                sql.Append("-- check (must return no rows or true): ").AppendLine(OneLine(check.Sql));
            }
        }

        if (revision.Transactional)
        {
            sql.Append(dialect.BeginTransaction).AppendLine(";");
        }
        else
        {
            sql.AppendLine("-- transaction off: each statement commits on its own");
        }

        var script = up ? revision.Up : revision.Down!;
        foreach (var statement in script.Render(dialect))
        {
            if (statement.Procedure is { } procedure)
            {
                sql.Append("-- ").Append(procedure.Describe()).AppendLine(" (its SQL is computed from the live schema when it runs)");
                continue;
            }

            sql.Append(statement.Sql).AppendLine(";");
        }

        if (up)
        {
            foreach (var verify in revision.Verifies)
            {
                sql.Append("-- verify (must return no rows or true): ").AppendLine(OneLine(verify.Sql));
            }

            sql.Append("INSERT INTO ").Append(history)
                .Append(" (revision_id, parents, message, kind, state, checksum_up, checksum_down, applied_at, applied_by, duration_ms, tool_version, sequence) VALUES (")
                .Append(dialect.StringLiteral(revision.Id)).Append(", ")
                .Append(dialect.StringLiteral(string.Join(',', revision.Parents))).Append(", ")
                .Append(dialect.StringLiteral(revision.Message)).Append(", ")
                .Append(dialect.StringLiteral(revision.Kind)).Append(", 'applied', ")
                .Append(dialect.StringLiteral(revision.Up.Checksum)).Append(", ")
                .Append(dialect.StringLiteral(revision.Down?.Checksum)).Append(", CURRENT_TIMESTAMP, ")
                .Append(dialect.StringLiteral(RunnerIdentity.UserAtHost)).Append(", 0, ")
                .Append(dialect.StringLiteral(RunnerIdentity.ToolVersion)).Append(", ")
                .Append("(SELECT COALESCE(MAX(sequence), 0) + 1 FROM ").Append(history).AppendLine("));");
        }
        else
        {
            sql.Append("DELETE FROM ").Append(history).Append(" WHERE revision_id = ").Append(dialect.StringLiteral(revision.Id)).AppendLine(";");
        }

        sql.Append("INSERT INTO ").Append(log).Append(" (revision_id, action, at, performed_by, duration_ms, checksum, tool_version) VALUES (")
            .Append(dialect.StringLiteral(revision.Id)).Append(", ").Append(dialect.StringLiteral(up ? "up" : "down"))
            .Append(", CURRENT_TIMESTAMP, ").Append(dialect.StringLiteral(RunnerIdentity.UserAtHost)).Append(", 0, ")
            .Append(dialect.StringLiteral(up ? revision.Up.Checksum : revision.Down?.Checksum)).Append(", ")
            .Append(dialect.StringLiteral(RunnerIdentity.ToolVersion)).AppendLine(");");
        if (revision.Transactional)
        {
            sql.Append(dialect.CommitTransaction).AppendLine(";");
        }
    }

    private static string OneLine(string sql) =>
        string.Join(' ', sql.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
