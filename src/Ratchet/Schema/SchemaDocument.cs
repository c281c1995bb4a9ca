using System.Text;
using Ratchet.Engines;

namespace Ratchet.Schema;

/// <summary>The schema written for people: SQL DDL, Markdown tables, or a Mermaid ER diagram.</summary>
public static class SchemaDocument
{
    /// <summary>DDL that recreates the schema, in <paramref name="dialect"/>'s quoting: types, enums, tables, indexes, views, triggers.</summary>
    public static string Sql(SchemaModel model, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dialect);
        var q = dialect.QuoteIdentifier;
        var sql = new StringBuilder();
        foreach (var e in model.Enums)
        {
            sql.Append("CREATE TYPE ").Append(q(e.Name)).Append(" AS ENUM (").Append(string.Join(", ", e.Values.Select(dialect.StringLiteral))).AppendLine(");\n");
        }

        foreach (var sequence in model.Sequences)
        {
            sql.Append("CREATE SEQUENCE ").Append(q(sequence.Name)).AppendLine(";\n");
        }

        if (model.Functions.Count > 0)
        {
            // As pg_dump: bodies are checked when they run, so a function may read tables created below.
            sql.AppendLine("SET check_function_bodies = false;").AppendLine();
        }

        foreach (var function in model.Functions)
        {
            sql.AppendLine(function.Definition.TrimEnd().TrimEnd(';') + ";").AppendLine();
        }

        var (ordered, deferred) = DependencyOrder(model.Tables);
        foreach (var table in ordered)
        {
            sql.AppendLine(CreateTable(table with { ForeignKeys = table.ForeignKeys.Where(f => !deferred.Contains(f)).ToList() }, dialect) + ";");
            foreach (var index in table.Indexes)
            {
                sql.Append(CreateIndex(table.Name, index, dialect)).AppendLine(";");
            }

            if (table.Comment is not null)
            {
                sql.Append("COMMENT ON TABLE ").Append(q(table.Name)).Append(" IS ").Append(dialect.StringLiteral(table.Comment)).AppendLine(";");
            }

            foreach (var column in table.Columns.Where(c => c.Comment is not null))
            {
                sql.Append("COMMENT ON COLUMN ").Append(q(table.Name)).Append('.').Append(q(column.Name)).Append(" IS ").Append(dialect.StringLiteral(column.Comment))
                    .AppendLine(";");
            }

            sql.AppendLine();
        }

        foreach (var table in ordered)
        {
            foreach (var fk in table.ForeignKeys.Where(deferred.Contains))
            {
                sql.Append("ALTER TABLE ").Append(q(table.Name)).Append(" ADD ").Append(Named(q, fk.Name)).Append(ForeignKey(fk, dialect)).AppendLine(";");
            }
        }

        foreach (var view in model.Views)
        {
            sql.AppendLine(view.Definition.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase)
                ? view.Definition.TrimEnd().TrimEnd(';') + ";"
                : $"CREATE VIEW {q(view.Name)} AS\n{view.Definition.Trim().TrimEnd(';')};");
        }

        foreach (var trigger in model.Triggers)
        {
            sql.AppendLine(trigger.Definition.TrimEnd().TrimEnd(';') + ";");
        }

        return sql.ToString();
    }

    /// <summary>
    /// The CREATE TABLE of <paramref name="table"/>: the engine's own text when it keeps one (SQLite), else built from the
    /// model (constraints named as the engine named them).
    /// </summary>
    public static string CreateTable(TableModel table, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dialect);
        if (table.Definition is not null)
        {
            return table.Definition.TrimEnd().TrimEnd(';');
        }

        var q = dialect.QuoteIdentifier;
        var items = table.Columns.Select(c => $"{q(c.Name)} {ColumnSpecification(c)}").ToList();
        if (table.PrimaryKey is { } pk)
        {
            items.Add($"{Named(q, pk.Name)}PRIMARY KEY ({dialect.ColumnList(pk.Columns)})");
        }

        items.AddRange(table.UniqueConstraints.Select(u => $"{Named(q, u.Name)}UNIQUE ({dialect.ColumnList(u.Columns)})"));
        items.AddRange(table.ForeignKeys.Select(f => $"{Named(q, f.Name)}{ForeignKey(f, dialect)}"));
        items.AddRange(table.Checks.Select(c => $"{Named(q, c.Name)}CHECK ({c.Expression})"));
        return $"CREATE TABLE {q(table.Name)} (\n    {string.Join(",\n    ", items)}\n)";
    }

    /// <summary>A column's type and options as they follow its name in CREATE TABLE or ADD COLUMN (PostgreSQL spelling).</summary>
    public static string ColumnSpecification(ColumnModel c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var type = c.Identity == "serial" ? Serial(c.Type) : c.Type;
        return type + (c.Identity is "always" or "by default" ? $" GENERATED {c.Identity.ToUpperInvariant()} AS IDENTITY" : "")
            + (c.Generated is null ? "" : $" GENERATED ALWAYS AS ({c.Generated}) STORED")
            + (c.Nullable ? "" : " NOT NULL") + (c.Default is null ? "" : $" DEFAULT {c.Default}");
    }

    /// <summary>FOREIGN KEY (...) REFERENCES ... with its actions.</summary>
    public static string ForeignKey(ForeignKeyModel f, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(dialect);
        return $"FOREIGN KEY ({dialect.ColumnList(f.Columns)}) REFERENCES {dialect.QuoteIdentifier(f.PrincipalTable)} ({dialect.ColumnList(f.PrincipalColumns)})" +
            (f.OnDelete == "NO ACTION" ? "" : $" ON DELETE {f.OnDelete}") + (f.OnUpdate == "NO ACTION" ? "" : $" ON UPDATE {f.OnUpdate}");
    }

    /// <summary>CREATE INDEX for an index of the model.</summary>
    public static string CreateIndex(string table, IndexModel index, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(dialect);
        return $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {dialect.QuoteIdentifier(index.Name)} ON {dialect.QuoteIdentifier(table)}" +
            $"{(index.Method is null ? "" : $" USING {index.Method}")} ({dialect.ColumnList(index.Columns)}){(index.Where is null ? "" : $" WHERE {index.Where}")}";
    }

    /// <summary>
    /// Tables in an order where each comes after the tables it references; foreign keys of a cycle are deferred (added
    /// after every table exists). Tables kept as the engine's text (SQLite) resolve references lazily: nothing is deferred.
    /// </summary>
    public static (IReadOnlyList<TableModel> Tables, IReadOnlySet<ForeignKeyModel> Deferred) DependencyOrder(IReadOnlyList<TableModel> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var left = tables.ToList();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ordered = new List<TableModel>();
        var deferred = new HashSet<ForeignKeyModel>(ReferenceEqualityComparer.Instance);
        bool Ready(TableModel t) => t.ForeignKeys.All(f => done.Contains(f.PrincipalTable) || string.Equals(f.PrincipalTable, t.Name, StringComparison.OrdinalIgnoreCase)
            || !left.Any(o => string.Equals(o.Name, f.PrincipalTable, StringComparison.OrdinalIgnoreCase)) || deferred.Contains(f));
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(Ready);
            if (next is null)
            {
                next = left[0];
                if (next.Definition is null)
                {
                    foreach (var f in next.ForeignKeys.Where(f => !done.Contains(f.PrincipalTable)))
                    {
                        deferred.Add(f);
                    }
                }
            }

            ordered.Add(next);
            done.Add(next.Name);
            left.Remove(next);
        }

        return (ordered, deferred);
    }

    private static string Serial(string type) => type switch
    {
        "bigint" => "bigserial",
        "smallint" => "smallserial",
        _ => "serial",
    };

    /// <summary>One section per table: its columns as a table, then its keys, constraints and indexes.</summary>
    public static string Markdown(SchemaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var md = new StringBuilder();
        foreach (var table in model.Tables)
        {
            md.Append("### ").AppendLine(table.Name).AppendLine();
            if (table.Comment is not null)
            {
                md.AppendLine(table.Comment).AppendLine();
            }

            md.AppendLine("| column | type | null | default |").AppendLine("|---|---|---|---|");
            foreach (var c in table.Columns)
            {
                var key = table.PrimaryKey?.Columns.Contains(c.Name) == true ? " (PK)" : "";
                md.Append("| ").Append(Cell(c.Name + key)).Append(" | ").Append(Cell(c.Type)).Append(" | ").Append(c.Nullable ? "yes" : "no").Append(" | ")
                    .Append(Cell(c.Default ?? c.Generated ?? c.Identity ?? "")).AppendLine(" |");
            }

            md.AppendLine();
            foreach (var f in table.ForeignKeys)
            {
                md.Append("- foreign key (").Append(string.Join(", ", f.Columns)).Append(") → ").Append(f.PrincipalTable).Append(" (")
                    .Append(string.Join(", ", f.PrincipalColumns)).Append(')').Append(f.OnDelete == "NO ACTION" ? "" : $", on delete {f.OnDelete.ToLowerInvariant()}")
                    .AppendLine(f.Validated ? "" : " (not valid)");
            }

            foreach (var u in table.UniqueConstraints)
            {
                md.Append("- unique (").Append(string.Join(", ", u.Columns)).AppendLine(")");
            }

            foreach (var c in table.Checks)
            {
                md.Append("- check `").Append(c.Expression).AppendLine("`");
            }

            foreach (var i in table.Indexes)
            {
                md.Append("- ").Append(i.Unique ? "unique index " : "index ").Append(i.Name).Append(" (").Append(string.Join(", ", i.Columns)).Append(')')
                    .AppendLine(i.Where is null ? "" : $" where `{i.Where}`");
            }

            md.AppendLine();
        }

        foreach (var e in model.Enums)
        {
            md.Append("### enum ").AppendLine(e.Name).AppendLine().AppendLine(string.Join(", ", e.Values.Select(v => $"`{v}`"))).AppendLine();
        }

        foreach (var v in model.Views)
        {
            md.Append("### view ").AppendLine(v.Name).AppendLine().AppendLine("```sql").AppendLine(v.Definition.Trim()).AppendLine("```").AppendLine();
        }

        return md.ToString();
    }

    /// <summary>A Mermaid <c>erDiagram</c>: each table with its columns, each foreign key a relationship.</summary>
    public static string Mermaid(SchemaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder("erDiagram\n");
        foreach (var table in model.Tables)
        {
            text.Append("    ").Append(Word(table.Name)).AppendLine(" {");
            foreach (var c in table.Columns)
            {
                var keys = new List<string>();
                if (table.PrimaryKey?.Columns.Contains(c.Name) == true)
                {
                    keys.Add("PK");
                }

                if (table.ForeignKeys.Any(f => f.Columns.Contains(c.Name)))
                {
                    keys.Add("FK");
                }

                if (table.UniqueConstraints.Any(u => u.Columns.Count == 1 && u.Columns[0] == c.Name))
                {
                    keys.Add("UK");
                }

                text.Append("        ").Append(Word(c.Type)).Append(' ').Append(Word(c.Name)).Append(keys.Count == 0 ? "" : " " + string.Join(", ", keys)).AppendLine();
            }

            text.AppendLine("    }");
        }

        foreach (var table in model.Tables)
        {
            foreach (var f in table.ForeignKeys)
            {
                var optional = f.Columns.Any(c => table.Column(c)?.Nullable == true) ? "o" : "|";
                text.Append("    ").Append(Word(f.PrincipalTable)).Append(" ||--").Append(optional).Append("{ ").Append(Word(table.Name))
                    .Append(" : \"").Append(string.Join(", ", f.Columns)).AppendLine("\"");
            }
        }

        return text.ToString();
    }

    private static string Named(Func<string, string> quote, string? name) => name is null ? "" : $"CONSTRAINT {quote(name)} ";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Mermaid names and types are single words.</summary>
    private static string Word(string text)
    {
        var word = new string(text.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');
        return word.Length == 0 ? "_" : word;
    }
}
