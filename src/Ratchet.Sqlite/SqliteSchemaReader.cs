using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Ratchet.Engines;
using Ratchet.Schema;
using Ratchet.Sources;

namespace Ratchet.Sqlite;

/// <summary>
/// Reads a SQLite schema from <c>sqlite_schema</c> and the pragmas (<c>table_xinfo</c>, <c>foreign_key_list</c>,
/// <c>index_list</c>); CHECK constraints, generated expressions and index expressions come from the stored SQL text,
/// the only place SQLite keeps them.
/// </summary>
internal static partial class SqliteSchemaReader
{
    public static async Task<SchemaModel> ReadAsync(DbConnection connection, IReadOnlySet<string> excluded, CancellationToken cancellationToken)
    {
        // Four set-based queries (pragma table-valued functions joined to sqlite_schema), not four per table.
        var objects = await Rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name", cancellationToken)
            .ConfigureAwait(false);
        const string UserTables = "sqlite_schema m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
        var columns = await Rows(connection,
            $"SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden FROM {UserTables.Replace("WHERE", ", pragma_table_xinfo(m.name) p WHERE", StringComparison.Ordinal)} ORDER BY m.name, p.cid",
            cancellationToken).ConfigureAwait(false);
        var foreignKeys = await Rows(connection,
            $"SELECT m.name, p.id, p.seq, p.\"table\", p.\"from\", p.\"to\", p.on_update, p.on_delete FROM {UserTables.Replace("WHERE", ", pragma_foreign_key_list(m.name) p WHERE", StringComparison.Ordinal)} ORDER BY m.name, p.id, p.seq",
            cancellationToken).ConfigureAwait(false);
        var indexes = await Rows(connection,
            $"SELECT m.name, p.name, p.\"unique\", p.origin, (SELECT group_concat(i.name, char(31)) FROM (SELECT name FROM pragma_index_info(p.name) ORDER BY seqno) i) " +
            $"FROM {UserTables.Replace("WHERE", ", pragma_index_list(m.name) p WHERE", StringComparison.Ordinal)} ORDER BY m.name, p.name",
            cancellationToken).ConfigureAwait(false);
        var tables = objects.Where(o => o[0] == "table" && !excluded.Contains(o[1]))
            .Select(t => Table(t[1], t[3], columns.Where(c => c[0] == t[1]).ToList(), foreignKeys.Where(f => f[0] == t[1]).ToList(),
                indexes.Where(i => i[0] == t[1]).ToList(), objects.Where(o => o[0] == "index" && o[2] == t[1]).ToList()))
            .ToList();
        return new SchemaModel
        {
            Tables = tables,
            Views = objects.Where(o => o[0] == "view").Select(o => new ViewModel(o[1], o[3])).ToList(),
            Triggers = objects.Where(o => o[0] == "trigger" && !excluded.Contains(o[2])).Select(o => new TriggerModel(o[1], o[2], o[3])).ToList(),
        };
    }

    private static TableModel Table(string name, string ddl, List<string[]> columns, List<string[]> foreignKeys, List<string[]> indexes, List<string[]> indexSql)
    {
        var definition = SqliteTableDefinition.Parse(ddl);
        var unique = new List<KeyModel>();
        var plain = new List<IndexModel>();
        foreach (var index in indexes.Where(i => i[3] != "pk"))
        {
            var keyColumns = index[4].Split('\u001f', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (index[3] == "u")
            {
                unique.Add(new KeyModel(null, keyColumns));
                continue;
            }

            var sql = indexSql.FirstOrDefault(i => i[1] == index[1])?[3] ?? "";
            var (parsedColumns, where) = ParseIndex(sql);
            plain.Add(new IndexModel { Name = index[1], Columns = parsedColumns.Count > 0 ? parsedColumns : keyColumns, Unique = index[2] == "1", Where = where });
        }

        var key = columns.Where(c => c[5] != "0").OrderBy(c => int.Parse(c[5], CultureInfo.InvariantCulture)).Select(c => c[1]).ToList();
        return new TableModel
        {
            Name = name,
            Columns = columns.Select(c => new ColumnModel
            {
                Name = c[1],
                Type = c[2],

                // A rowid alias (INTEGER PRIMARY KEY) is never NULL, whatever it declares.
                Nullable = c[3] == "0" && !(key.Count == 1 && key[0] == c[1] && c[2].Equals("INTEGER", StringComparison.OrdinalIgnoreCase)),
                Default = c[4].Length == 0 ? null : c[4],
                Generated = c[6] is "2" or "3" ? GeneratedExpression(definition, c[1]) : null,
                Identity = Autoincrement(definition, c[1]) ? "autoincrement" : null,
            }).ToList(),
            Definition = ddl,
            PrimaryKey = key.Count == 0 ? null : new KeyModel(null, key),
            UniqueConstraints = unique,
            ForeignKeys = foreignKeys.GroupBy(f => f[1]).Select(g => new ForeignKeyModel
            {
                Columns = g.Select(f => f[4]).ToList(),
                PrincipalTable = g.First()[3],
                PrincipalColumns = g.Select(f => f[5]).ToList(),
                OnUpdate = g.First()[6],
                OnDelete = g.First()[7],
            }).ToList(),
            Checks = Checks(definition).Select(e => new CheckModel(null, e)).ToList(),
            Indexes = plain,
        };
    }

    /// <summary>Every CHECK of the table: table constraints and those written on columns.</summary>
    private static IEnumerable<string> Checks(SqliteTableDefinition definition)
    {
        foreach (var item in definition.Columns.Concat(definition.Constraints))
        {
            foreach (var check in CheckBodies(item.Text))
            {
                yield return check;
            }
        }
    }

    private static IEnumerable<string> CheckBodies(string text)
    {
        var tokens = SqlLexer.Tokenize(text, "table").Where(t => !t.IsComment).ToList();
        for (var k = 0; k < tokens.Count - 1; k++)
        {
            if (!tokens[k].IsWord(text, "CHECK") || tokens[k + 1].Kind != SqlTokenKind.Symbol || text[tokens[k + 1].Start] != '(')
            {
                continue;
            }

            var depth = 0;
            for (var j = k + 1; j < tokens.Count; j++)
            {
                depth += tokens[j].Kind == SqlTokenKind.Symbol && text[tokens[j].Start] == '(' ? 1 : tokens[j].Kind == SqlTokenKind.Symbol && text[tokens[j].Start] == ')' ? -1 : 0;
                if (depth == 0)
                {
                    yield return text[(tokens[k + 1].Start + 1)..tokens[j].Start].Trim();
                    break;
                }
            }
        }
    }

    private static bool Autoincrement(SqliteTableDefinition definition, string column) =>
        definition.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)) is { } item
        && SqlLexer.Tokenize(item.Text, "table").Any(t => t.IsWord(item.Text, "AUTOINCREMENT"));

    private static string? GeneratedExpression(SqliteTableDefinition definition, string column)
    {
        var text = definition.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))?.Text ?? "";
        var match = GeneratedPattern().Match(text);
        return match.Success ? match.Groups[1].Value.Trim() : "generated";
    }

    /// <summary>The columns or expressions of a CREATE INDEX (expressions in parentheses) and its WHERE clause.</summary>
    private static (List<string> Columns, string? Where) ParseIndex(string sql)
    {
        var tokens = SqlLexer.Tokenize(sql, "index").Where(t => !t.IsComment).ToList();
        var on = tokens.FindIndex(t => t.IsWord(sql, "ON"));
        var open = on < 0 ? -1 : tokens.FindIndex(on, t => t.Kind == SqlTokenKind.Symbol && sql[t.Start] == '(');
        if (open < 0)
        {
            return ([], null);
        }

        var columns = new List<string>();
        var depth = 0;
        var itemStart = open + 1;
        var close = -1;
        for (var k = open; k < tokens.Count && close < 0; k++)
        {
            var c = tokens[k].Kind == SqlTokenKind.Symbol ? sql[tokens[k].Start] : '\0';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if ((c == ',' && depth == 1) || (c == ')' && depth == 0))
            {
                var item = sql[tokens[itemStart].Start..tokens[k - 1].End].Trim();
                var named = tokens[itemStart].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
                var name = sql[tokens[itemStart].Start..tokens[itemStart].End].Trim('"', '`', '[', ']');

                // A column with its order or collation (created_at DESC) stays a column; anything else is an expression.
                var modifiers = k - itemStart > 1 && named && tokens.Skip(itemStart + 1).Take(k - itemStart - 1)
                    .All(t => t.IsWord(sql, "ASC") || t.IsWord(sql, "DESC") || t.IsWord(sql, "COLLATE") || t.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier);
                columns.Add(k - itemStart == 1 && named ? name
                    : modifiers ? $"{name} {sql[tokens[itemStart + 1].Start..tokens[k - 1].End]}"
                    : $"({item})");
                itemStart = k + 1;
                close = c == ')' ? k : -1;
            }
        }

        var where = close >= 0 ? tokens.FindIndex(close, t => t.IsWord(sql, "WHERE")) : -1;
        return (columns, where < 0 ? null : sql[tokens[where + 1].Start..].Trim());
    }

    private static async Task<List<string[]>> Rows(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.Command(sql);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<string[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    [GeneratedRegex(@"\bAS\s*\((.*)\)\s*(STORED|VIRTUAL)?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex GeneratedPattern();
}
