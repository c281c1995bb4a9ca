using System.Data.Common;
using System.Globalization;
using Ratchet.Engines;
using Ratchet.Revisions;
using Ratchet.Sources;
using Ratchet.Verification.Integrity;

namespace Ratchet.Execution;

/// <summary>
/// Integrity on every real up: the pre-checks the revision's operations imply run right before their statement, in
/// the same transaction (a failing one stops the revision before any change commits, exit 3); row counts of the
/// tables it touches are taken before the revision's transaction and after its commit (outside it, so a table that is
/// not there costs nothing).
/// </summary>
internal sealed partial class RevisionRunner
{
    /// <summary>Counted exactly up to this many rows; a bigger table is reported as "more than".</summary>
    internal const long CountCap = 100_000;

    /// <summary>The integrity work of an up (none for a down).</summary>
    private (IReadOnlyList<PreCheck> Checks, IReadOnlyList<string> Touched) Integrity(PlanStep step) =>
        step.Direction == Direction.Up ? IntegrityPlanner.Plan(step.Revision, engine.Dialect) : ([], []);

    /// <summary>Runs the pre-checks of statement <paramref name="index"/>; throws when one finds rows in the way.</summary>
    private static async Task PreCheckAsync(DbConnection connection, DbTransaction? transaction, PlanStep step, IReadOnlyList<SqlStatement> statements,
        IReadOnlyList<PreCheck> checks, int index, CancellationToken cancellationToken)
    {
        foreach (var check in checks.Where(c => c.Statement == index))
        {
            // In a savepoint: a query that fails (a column that is not there, say) must not abort the transaction; the
            // statement itself then fails the same way, in the engine's own words.
            var rows = new List<string>();
            if (transaction is not null)
            {
                await connection.ExecuteAsync("SAVEPOINT ratchet_precheck", transaction, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                using var command = connection.Command(check.Query, transaction);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(Row(reader));
                }
            }
            catch (DbException)
            {
                if (transaction is not null)
                {
                    await connection.ExecuteAsync("ROLLBACK TO SAVEPOINT ratchet_precheck", transaction, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (transaction is not null)
            {
                await connection.ExecuteAsync("RELEASE SAVEPOINT ratchet_precheck", transaction, cancellationToken).ConfigureAwait(false);
            }

            if (rows.Count > 0)
            {
                var line = index < statements.Count ? statements[index].Line : 0;
                throw new IntegrityViolationException(step, new SourceLocation(step.Revision.Source.File, line), check, rows);
            }
        }
    }

    private static string Row(DbDataReader reader)
    {
        var cells = new List<string>();
        for (var i = 0; i < Math.Min(reader.FieldCount, 4); i++)
        {
            var value = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
            cells.Add($"{reader.GetName(i)}={(value.Length > 40 ? value[..40] + "..." : value)}");
        }

        return "(" + string.Join(", ", cells) + (reader.FieldCount > 4 ? ", ..." : "") + ")";
    }

    /// <summary>Row counts of the tables, exact up to <see cref="CountCap"/>, outside any transaction (a missing table counts as null).</summary>
    private async Task<List<long?>> CountAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var counts = new List<long?>(tables.Count);
        foreach (var table in tables)
        {
            try
            {
                var value = await connection.ScalarAsync(
                    string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM (SELECT 1 FROM {engine.Dialect.QuoteIdentifier(table)} LIMIT {CountCap + 1}) capped"),
                    null, cancellationToken).ConfigureAwait(false);
                counts.Add(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            }
            catch (DbException)
            {
                counts.Add(null);
            }
        }

        return counts;
    }

    private void ReportCounts(PlanStep step, IReadOnlyList<string> tables, List<long?> before, List<long?> after) =>
        emit(new RowsCounted(step, tables.Select((t, i) => new TableRowCount(t, before[i], after[i], CountCap)).ToList()));
}
