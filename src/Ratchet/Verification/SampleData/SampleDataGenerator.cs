using System.Data.Common;
using Ratchet.Engines;
using Ratchet.Schema;

namespace Ratchet.Verification.SampleData;

/// <summary>
/// Tops every table up to a number of generated rows that satisfy its types, NOT NULL, unique, foreign-key and check
/// constraints: parents before children (foreign keys point at rows already there), key values far from the small
/// ids seed revisions use, values inside the domains that CHECK constraints and the revisions' check sections state.
/// A row the database still refuses is tried again with other values, then left out; a table that takes no row is
/// reported with the database's reason.
/// </summary>
public sealed class SampleDataGenerator(IDatabaseEngine engine, int rowsPerTable, int seed)
{
    private const int Attempts = 3;

    /// <summary>Fills the tables of <paramref name="schema"/> that hold fewer than the wanted rows.</summary>
    /// <param name="connection">The scratch database.</param>
    /// <param name="schema">Its schema now.</param>
    /// <param name="round">A number that differs between fills of one run, so their values never collide.</param>
    /// <param name="hints">Domains stated by check sections, by table and column.</param>
    /// <param name="cancellationToken">Cancels the fill.</param>
    public async Task<FillResult> FillAsync(DbConnection connection, SchemaModel schema, int round,
        IReadOnlyDictionary<(string Table, string Column), ValueDomain> hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(hints);
        var added = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var skipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var (ordered, deferred) = SchemaDocument.DependencyOrder(schema.Tables);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in ordered)
        {
            var have = Convert.ToInt64(await connection.ScalarAsync($"SELECT count(*) FROM {Q(table.Name)}", transaction, cancellationToken).ConfigureAwait(false),
                System.Globalization.CultureInfo.InvariantCulture);
            var wanted = rowsPerTable - (int)Math.Min(have, rowsPerTable);
            if (wanted <= 0)
            {
                continue;
            }

            var plan = await TablePlan.CreateAsync(engine, connection, transaction, schema, table, deferred, hints, cancellationToken).ConfigureAwait(false);
            if (plan.Refusal is { } refusal)
            {
                skipped[table.Name] = refusal;
                continue;
            }

            var (count, error) = await InsertAsync(connection, transaction, schema, plan, round, have, wanted, cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                added[table.Name] = count;
            }
            else if (error is not null)
            {
                skipped[table.Name] = error;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new FillResult(added, skipped);
    }

    private string Q(string name) => engine.Dialect.QuoteIdentifier(name);

    /// <summary>Rows in chunks of one statement each; a chunk the database refuses goes row by row, each in a savepoint.</summary>
    private async Task<(int Count, string? Error)> InsertAsync(DbConnection connection, DbTransaction transaction, SchemaModel schema, TablePlan plan,
        int round, long have, int wanted, CancellationToken cancellationToken)
    {
        var chunk = Math.Max(1, 2000 / Math.Max(plan.Columns.Count, 1));
        var count = 0;
        string? last = null;
        var failedInARow = 0;
        for (var start = 0; start < wanted && failedInARow < 5; start += chunk)
        {
            var size = Math.Min(chunk, wanted - start);
            var rows = Enumerable.Range(start, size).Select(i => plan.Row(engine.Dialect, schema, seed, RowNumber(round, have, i), i, attempt: 0)).ToList();
            if (await TryAsync(connection, transaction, plan, rows, cancellationToken).ConfigureAwait(false) is null)
            {
                count += size;
                failedInARow = 0;
                continue;
            }

            for (var i = start; i < start + size && failedInARow < 5; i++)
            {
                var inserted = false;
                for (var attempt = 0; attempt < Attempts && !inserted; attempt++)
                {
                    var row = plan.Row(engine.Dialect, schema, seed, RowNumber(round, have, i), i, attempt);
                    last = await TryAsync(connection, transaction, plan, [row], cancellationToken).ConfigureAwait(false);
                    inserted = last is null;
                }

                count += inserted ? 1 : 0;
                failedInARow = inserted ? 0 : failedInARow + 1;
            }
        }

        return (count, count == 0 ? last : null);
    }

    private static long RowNumber(int round, long have, int i) => (round * 100_000L) + have + i;

    /// <summary>Inserts rows inside a savepoint; the database's error when it refuses them (and nothing is left of them).</summary>
    private async Task<string?> TryAsync(DbConnection connection, DbTransaction transaction, TablePlan plan, List<string?[]> rows, CancellationToken cancellationToken)
    {
        var d = engine.Dialect;
        var parameters = new List<(string, object?)>();
        var values = new List<string>();
        foreach (var row in rows)
        {
            var cells = new List<string>();
            for (var c = 0; c < plan.Columns.Count; c++)
            {
                var name = $"@p{parameters.Count}";
                parameters.Add((name, row[c]));
                cells.Add(d.ParameterAs(name, plan.Columns[c].Type));
            }

            values.Add("(" + string.Join(", ", cells) + ")");
        }

        var sql = $"INSERT INTO {Q(plan.Table.Name)} ({string.Join(", ", plan.Columns.Select(c => Q(c.Name)))}) VALUES {string.Join(", ", values)}";
        await connection.ExecuteAsync("SAVEPOINT ratchet_sample", transaction, cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(sql, transaction, cancellationToken, [.. parameters]).ConfigureAwait(false);
            await connection.ExecuteAsync("RELEASE SAVEPOINT ratchet_sample", transaction, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DbException e)
        {
            await connection.ExecuteAsync("ROLLBACK TO SAVEPOINT ratchet_sample", transaction, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync("RELEASE SAVEPOINT ratchet_sample", transaction, cancellationToken).ConfigureAwait(false);
            return engine.DescribeError(e);
        }
    }
}
