using Ratchet.Operations;

namespace Ratchet.Safety.Parsing;

public static partial class SqlParser
{
    private sealed partial class Reader
    {
        /// <summary>Words that end a column's type and start its constraints.</summary>
        private static readonly string[] TypeEnd =
        [
            "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "CONSTRAINT", "GENERATED", "COLLATE", "AUTOINCREMENT",
            "AUTO_INCREMENT", "AS", "USING", "IDENTITY", "ON", "COMMENT", "FIRST", "AFTER", "STORED", "VIRTUAL", "CHARACTER", "ENCODE",
        ];

        /// <summary>Words a column constraint starts with.</summary>
        private static readonly string[] ConstraintStart = ["NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "CONSTRAINT", "GENERATED", "COLLATE", "AUTOINCREMENT", "AUTO_INCREMENT", "AS", "COMMENT", "ON"];

        /// <summary>name type [constraints]: a column as written in CREATE TABLE or ADD COLUMN.</summary>
        private ParsedColumn? ColumnDefinition(string table)
        {
            var name = c.TakeName();
            if (name is null)
            {
                return null;
            }

            // SQLite allows a column without a type (then it is empty).
            var type = TypeText();
            var column = new ParsedColumn { Name = name, Type = type };
            var serial = type.ToLowerInvariant() is "serial" or "bigserial" or "smallserial" or "serial4" or "serial8" or "serial2";
            if (serial)
            {
                column = column with { Identity = "serial", Nullable = false };
            }

            while (!c.AtEnd && !c.IsSymbol(',') && !c.IsSymbol(')'))
            {
                var before = c.Index;
                if (c.Take("CONSTRAINT"))
                {
                    c.TakeName();
                    continue;
                }

                if (c.TakeAll("NOT", "NULL"))
                {
                    column = column with { Nullable = false };
                }
                else if (c.Take("NULL"))
                {
                    column = column with { Nullable = true };
                }
                else if (c.Take("DEFAULT"))
                {
                    column = column with { Default = c.TakeUntil(ConstraintStart) };
                }
                else if (c.TakeAll("PRIMARY", "KEY"))
                {
                    column = column with { PrimaryKey = true, Nullable = false };
                    c.Take("ASC");
                    c.Take("DESC");
                    ConflictClause();
                    if (c.Take("AUTOINCREMENT"))
                    {
                        column = column with { Identity = "autoincrement" };
                    }
                }
                else if (c.Take("UNIQUE"))
                {
                    column = column with { Unique = true };
                    c.TakeAll("NULLS", "NOT", "DISTINCT");
                    c.TakeAll("NULLS", "DISTINCT");
                    ConflictClause();
                }
                else if (c.Take("CHECK"))
                {
                    column = column with { Check = c.TakeParenthesized() ?? "" };
                    c.TakeAll("NO", "INHERIT");
                }
                else if (c.Take("REFERENCES"))
                {
                    column = column with { References = Reference() };
                }
                else if (c.Take("GENERATED"))
                {
                    if (c.TakeAll("ALWAYS", "AS", "IDENTITY") || c.TakeAll("BY", "DEFAULT", "AS", "IDENTITY"))
                    {
                        var always = c.TextOf(c.Index - 3, c.Index).StartsWith("ALWAYS", StringComparison.OrdinalIgnoreCase);
                        column = column with { Identity = always ? "always" : "by default" };
                        c.TakeParenthesized();
                    }
                    else if (c.TakeAll("ALWAYS", "AS"))
                    {
                        column = column with { Generated = c.TakeParenthesized() ?? "", Stored = true };
                        column = GeneratedKind(column);
                    }
                }
                else if (c.Take("AS"))
                {
                    // SQLite and MySQL: name type AS (expr) [STORED | VIRTUAL]
                    column = column with { Generated = c.TakeParenthesized() ?? "" };
                    column = GeneratedKind(column);
                }
                else if (c.Take("COLLATE"))
                {
                    c.TakeName();
                }
                else if (c.Take("AUTO_INCREMENT") || c.Take("AUTOINCREMENT"))
                {
                    column = column with { Identity = "autoincrement" };
                }
                else if (c.Take("COMMENT"))
                {
                    c.TakeString();
                }
                else if (c.TakeAll("ON", "UPDATE"))
                {
                    c.TakeUntil(ConstraintStart);
                }
                else
                {
                    Deferrable();
                }

                if (c.Index == before)
                {
                    throw new ArgumentException($"column {table}.{name}: cannot read `{Short(c.Rest())}`");
                }
            }

            return column;
        }

        private ParsedColumn GeneratedKind(ParsedColumn column)
        {
            if (c.Take("STORED"))
            {
                return column with { Stored = true };
            }

            return c.Take("VIRTUAL") ? column with { Stored = false } : column;
        }

        /// <summary>[NOT] DEFERRABLE [INITIALLY DEFERRED | IMMEDIATE]; whether anything was taken.</summary>
        private bool Deferrable()
        {
            var taken = false;
            while (c.Take("DEFERRABLE") || c.TakeAll("NOT", "DEFERRABLE") || c.TakeAll("INITIALLY", "DEFERRED") || c.TakeAll("INITIALLY", "IMMEDIATE"))
            {
                taken = true;
            }

            return taken;
        }

        /// <summary>SQLite's ON CONFLICT clause after a constraint.</summary>
        private void ConflictClause()
        {
            if (c.TakeAll("ON", "CONFLICT"))
            {
                c.Index++;
            }
        }

        /// <summary>A type as written, up to its constraints: <c>timestamp with time zone</c>, <c>varchar(20)[]</c>.</summary>
        private string TypeText()
        {
            var start = c.Index;
            var depth = 0;
            while (!c.AtEnd)
            {
                if (depth == 0 && (c.IsSymbol(',') || c.IsSymbol(')') || c.IsSymbol(';')))
                {
                    break;
                }

                // "NOT", "DEFAULT", ... end the type, except inside its own parentheses; "WITH"/"WITHOUT TIME ZONE" and
                // "CHARACTER VARYING" belong to it.
                if (depth == 0 && c.Index > start && c.IsAny(TypeEnd) && !(c.Is("CHARACTER") && c.IsAt(1, "VARYING")))
                {
                    break;
                }

                if (c.IsSymbol('('))
                {
                    depth++;
                }
                else if (c.IsSymbol(')'))
                {
                    depth--;
                }

                c.Index++;
            }

            return c.TextOf(start, c.Index);
        }

        /// <summary>REFERENCES table [(columns)] [ON DELETE action] [ON UPDATE action] [MATCH ...] [DEFERRABLE ...].</summary>
        private ForeignKeyReference Reference()
        {
            var principal = RequireName("the referenced table");
            var columns = c.TakeNameList() ?? [];
            var (onDelete, onUpdate) = (ReferentialAction.NoAction, ReferentialAction.NoAction);
            while (true)
            {
                if (c.TakeAll("ON", "DELETE"))
                {
                    onDelete = Action();
                }
                else if (c.TakeAll("ON", "UPDATE"))
                {
                    onUpdate = Action();
                }
                else if (c.Take("MATCH"))
                {
                    c.Index++;
                }
                else if (!Deferrable())
                {
                    break;
                }
            }

            return new ForeignKeyReference(principal, columns, onDelete, onUpdate);
        }

        private ReferentialAction Action()
        {
            if (c.Take("CASCADE"))
            {
                return ReferentialAction.Cascade;
            }

            if (c.Take("RESTRICT"))
            {
                return ReferentialAction.Restrict;
            }

            if (c.TakeAll("SET", "NULL"))
            {
                c.TakeNameList();
                return ReferentialAction.SetNull;
            }

            if (c.TakeAll("SET", "DEFAULT"))
            {
                c.TakeNameList();
                return ReferentialAction.SetDefault;
            }

            c.TakeAll("NO", "ACTION");
            return ReferentialAction.NoAction;
        }

        /// <summary>
        /// A table constraint: [CONSTRAINT name] PRIMARY KEY (..) | UNIQUE (..) | FOREIGN KEY (..) REFERENCES .. | CHECK (..) |
        /// EXCLUDE .., or UNIQUE / PRIMARY KEY USING INDEX idx. Null when none is next.
        /// </summary>
        private (TableConstraint Constraint, string? UsingIndex, bool NotValid, bool Named)? TableConstraintClause(string table)
        {
            var mark = c.Index;
            string? name = null;
            if (c.Take("CONSTRAINT"))
            {
                name = RequireName("a constraint name");
            }

            var named = name is not null;
            TableConstraint? constraint = null;
            string? usingIndex = null;
            if (c.TakeAll("PRIMARY", "KEY"))
            {
                if (c.TakeAll("USING", "INDEX"))
                {
                    usingIndex = RequireName("an index name");
                    constraint = new PrimaryKeyConstraint(name ?? $"{table}_pkey", []);
                }
                else
                {
                    var columns = KeyColumns();
                    constraint = new PrimaryKeyConstraint(name ?? $"{table}_pkey", columns);
                }
            }
            else if (c.Take("UNIQUE"))
            {
                c.TakeAll("NULLS", "NOT", "DISTINCT");
                c.TakeAll("NULLS", "DISTINCT");
                c.Take("KEY");
                c.Take("INDEX");
                if (c.TakeAll("USING", "INDEX"))
                {
                    usingIndex = RequireName("an index name");
                    constraint = new UniqueConstraint(name ?? $"{table}_key", []);
                }
                else
                {
                    if (!c.IsSymbol('(') && c.IsName)
                    {
                        name ??= c.TakeName(); // MySQL: UNIQUE [KEY] name (cols)
                        named = true;
                    }

                    var columns = KeyColumns();
                    constraint = new UniqueConstraint(name ?? $"{table}_{string.Join("_", columns)}_key", columns);
                }
            }
            else if (c.TakeAll("FOREIGN", "KEY"))
            {
                if (!c.IsSymbol('(') && c.IsName)
                {
                    name ??= c.TakeName();
                    named = true;
                }

                var columns = c.TakeNameList() ?? throw new ArgumentException($"FOREIGN KEY of {table}: expected (columns)");
                if (!c.Take("REFERENCES"))
                {
                    throw new ArgumentException($"FOREIGN KEY of {table}: expected REFERENCES");
                }

                constraint = new ForeignKeyConstraint(name ?? $"{table}_{string.Join("_", columns)}_fkey", columns, Reference());
            }
            else if (c.Take("CHECK"))
            {
                var expression = c.TakeParenthesized() ?? throw new ArgumentException($"CHECK of {table}: expected (expression)");
                c.TakeAll("NO", "INHERIT");
                constraint = new CheckConstraint(name ?? $"{table}_check", expression);
            }
            else if (c.Take("EXCLUDE"))
            {
                var start = c.Index;
                c.TakeUntil("NOT");
                constraint = new ExcludeConstraint(name ?? $"{table}_excl", c.TextOf(start, c.Index));
            }

            if (constraint is null)
            {
                c.Index = mark;
                return null;
            }

            Deferrable();
            ConflictClause();
            var notValid = c.TakeAll("NOT", "VALID");
            return (constraint, usingIndex, notValid, named);
        }

        /// <summary>INCLUDE (..), WITH (..), USING INDEX TABLESPACE x after a key's columns.</summary>
        private void IndexParameters()
        {
            while (true)
            {
                if (c.Take("INCLUDE") || (c.Is("WITH") && c.IsSymbolAt(1, '(') && c.Take("WITH")))
                {
                    c.TakeParenthesized();
                }
                else if (c.TakeAll("USING", "INDEX", "TABLESPACE"))
                {
                    c.TakeName();
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>(a, b) of a key, where each entry may carry an order or (MySQL) a length.</summary>
        private List<string> KeyColumns()
        {
            if (!c.TakeSymbol('('))
            {
                throw new ArgumentException($"expected (columns) at `{Short(c.Rest())}`");
            }

            var columns = new List<string>();
            while (!c.AtEnd && !c.IsSymbol(')'))
            {
                var start = c.Index;
                if (c.IsName && (c.IsAt(1, "ASC") || c.IsAt(1, "DESC")))
                {
                    columns.Add(c.TakeName()!);
                    c.Index++;
                }
                else
                {
                    var text = c.TakeUntil();
                    columns.Add(c.Index - start == 1 ? c.Unquote(c.TokenAt(start)) : $"({text})");
                }

                if (!c.TakeSymbol(','))
                {
                    break;
                }
            }

            if (!c.TakeSymbol(')'))
            {
                throw new ArgumentException($"expected ) at `{Short(c.Rest())}`");
            }

            IndexParameters();
            return columns;
        }
    }
}
