using System.Data.Common;
using Microsoft.Data.Sqlite;
using Ratchet.Engines;
using Ratchet.Sources;

namespace Ratchet.Sqlite;

/// <summary>
/// SQLite's documented procedure for the ALTERs it cannot do in place (sqlite.org/lang_altertable.html, "making other
/// kinds of table schema changes"), run inside the revision's transaction with <c>foreign_keys</c> turned off before
/// it began: read the table's CREATE TABLE, its indexes, triggers and the views that name it; create the changed table
/// under a new name; copy the rows; drop the old table; rename the new one; recreate the indexes, triggers and views;
/// then <c>PRAGMA foreign_key_check</c>, failing the revision when it reports a row.
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

        var ddl = await connection.ScalarAsync("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = @t", transaction, cancellationToken, ("@t", Table))
            .ConfigureAwait(false) as string ?? throw new InvalidOperationException($"table {Table} does not exist");
        var definition = SqliteTableDefinition.Parse(ddl);
        var oldColumns = definition.Columns.Select(c => c.Name!).ToList();
        Change.Apply(definition);
        var kept = oldColumns.Where(c => definition.Columns.Any(n => string.Equals(n.Name, c, StringComparison.OrdinalIgnoreCase))).ToList();
        var dependents = await ReadAsync(connection, transaction,
            "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = @t AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
            cancellationToken, ("@t", Table)).ConfigureAwait(false);
        var views = (await ReadAsync(connection, transaction, "SELECT type, name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY name", cancellationToken)
            .ConfigureAwait(false)).Where(v => Mentions(v.Sql, Table)).ToList();

        foreach (var view in views)
        {
            await Run(connection, transaction, $"DROP VIEW {Q(view.Name)}", cancellationToken).ConfigureAwait(false);
        }

        var staging = $"ratchet_new_{Table}";
        await Run(connection, transaction, definition.Render(Q(staging)), cancellationToken).ConfigureAwait(false);
        var columns = string.Join(", ", kept.Select(Q));
        await Run(connection, transaction, $"INSERT INTO {Q(staging)} ({columns}) SELECT {columns} FROM {Q(Table)}", cancellationToken).ConfigureAwait(false);
        await Run(connection, transaction, $"DROP TABLE {Q(Table)}", cancellationToken).ConfigureAwait(false);
        await Run(connection, transaction, $"ALTER TABLE {Q(staging)} RENAME TO {Q(Table)}", cancellationToken).ConfigureAwait(false);
        foreach (var item in dependents.Concat(views))
        {
            await Run(connection, transaction, item.Sql, cancellationToken).ConfigureAwait(false);
        }

        var violations = await ReadAsync(connection, transaction, "SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check", cancellationToken)
            .ConfigureAwait(false);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException(
                $"after rebuilding {Table}, PRAGMA foreign_key_check reports {violations.Count} row(s) whose foreign key has no parent, such as " +
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

    private static bool Mentions(string sql, string table) =>
        SqlLexer.Tokenize(sql, "view").Any(t => t.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier &&
            string.Equals(t.Text(sql).ToString().Trim('"', '`', '[', ']'), table, StringComparison.OrdinalIgnoreCase));
}
