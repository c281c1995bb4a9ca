using System.Data.Common;
using Microsoft.Data.Sqlite;
using Ratchet.Engines;

namespace Ratchet.Sqlite;

/// <summary>
/// SQLite's documented procedure for the ALTERs it cannot do in place (sqlite.org/lang_altertable.html, "making other
/// kinds of table schema changes"), run inside the revision's transaction with <c>foreign_keys</c> turned off before
/// it began: read the table's CREATE TABLE, its indexes and triggers; create the changed table under a new name; copy
/// the rows (not generated columns); drop the old table; rename the new one (with <c>legacy_alter_table</c>, so views
/// and other tables' triggers that name it are left as they are); recreate the indexes and triggers; then
/// <c>PRAGMA foreign_key_check</c>, failing the revision when it reports a row.
/// </summary>
internal sealed class SqliteTableRebuild(string table, SqliteTableChange change) : DatabaseProcedure
{
    public string Table { get; } = table;

    public SqliteTableChange Change { get; } = change;

    public override string Describe() => $"rebuild table {Table} to {Change.Describe()}";

    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (Change is DropConstraintChange drop && await IsIndexAsync(connection, transaction, drop.Name, cancellationToken).ConfigureAwait(false))
        {
            // SQLite has no named unique constraints added after creation: Ratchet made it a unique index.
            await Run(connection, transaction, $"DROP INDEX {Q(drop.Name)}", cancellationToken).ConfigureAwait(false);
            return;
        }

        var found = await ReadAsync(connection, transaction, "SELECT name, sql, '' FROM sqlite_schema WHERE type = 'table' AND name = @t COLLATE NOCASE",
            cancellationToken, ("@t", Table)).ConfigureAwait(false);
        if (found.Count == 0)
        {
            throw new InvalidOperationException($"table {Table} does not exist");
        }

        // The name as the table was created, whatever case the migration wrote it in.
        var (table, ddl) = (found[0].Type, found[0].Name);
        var definition = SqliteTableDefinition.Parse(ddl);
        var stored = await ReadAsync(connection, transaction, "SELECT name, hidden, '' FROM pragma_table_xinfo(@t)", cancellationToken, ("@t", table))
            .ConfigureAwait(false);
        Change.Apply(definition);

        // Generated columns (hidden 2 and 3) are computed, not copied.
        var kept = stored.Where(c => c.Name is not ("2" or "3"))
            .Select(c => c.Type)
            .Where(name => definition.Columns.Any(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var dependents = await ReadAsync(connection, transaction,
            "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = @t COLLATE NOCASE AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
            cancellationToken, ("@t", table)).ConfigureAwait(false);

        var staging = $"ratchet_new_{table}";
        await Run(connection, transaction, definition.Render(Q(staging)), cancellationToken).ConfigureAwait(false);
        var columns = string.Join(", ", kept.Select(Q));
        await Run(connection, transaction, $"INSERT INTO {Q(staging)} ({columns}) SELECT {columns} FROM {Q(table)}", cancellationToken).ConfigureAwait(false);
        await Run(connection, transaction, $"DROP TABLE {Q(table)}", cancellationToken).ConfigureAwait(false);

        // With the legacy behaviour the rename leaves views and the triggers of other tables alone: they name the table,
        // which exists again under that name once the rename is done.
        await Run(connection, transaction, "PRAGMA legacy_alter_table = ON", cancellationToken).ConfigureAwait(false);
        try
        {
            await Run(connection, transaction, $"ALTER TABLE {Q(staging)} RENAME TO {Q(table)}", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Run(connection, transaction, "PRAGMA legacy_alter_table = OFF", CancellationToken.None).ConfigureAwait(false);
        }

        foreach (var item in dependents)
        {
            await Run(connection, transaction, item.Sql, cancellationToken).ConfigureAwait(false);
        }

        var violations = await ReadAsync(connection, transaction, "SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check", cancellationToken)
            .ConfigureAwait(false);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException(
                $"after rebuilding {table}, PRAGMA foreign_key_check reports {violations.Count} row(s) whose foreign key has no parent, such as " +
                string.Join("; ", violations.Take(5).Select(v => $"{v.Type} rowid {v.Name} -> {v.Sql}")));
        }
    }

    private static string Q(string name) => SqliteDialect.Instance.QuoteIdentifier(name);

    private static async Task Run(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(sql, transaction, cancellationToken).ConfigureAwait(false);

    private static async Task<bool> IsIndexAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        await connection.ScalarAsync("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = @n", transaction, cancellationToken, ("@n", name))
            .ConfigureAwait(false) is not null;

    private static async Task<List<(string Type, string Name, string Sql)>> ReadAsync(DbConnection connection, DbTransaction transaction, string sql,
        CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        using var command = connection.Command(sql, transaction, 0, parameters);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!,
                Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)!,
                reader.IsDBNull(2) ? "" : Convert.ToString(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)!));
        }

        return rows;
    }

}
