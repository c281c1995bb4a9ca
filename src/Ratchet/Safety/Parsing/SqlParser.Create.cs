using Ratchet.Operations;

namespace Ratchet.Safety.Parsing;

public static partial class SqlParser
{
    private sealed partial class Reader
    {
        private void Create((int Line, int Column) where)
        {
            c.TakeAll("OR", "REPLACE");
            while (c.IsAny("TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "VIRTUAL"))
            {
                c.Index++;
            }

            if (c.Take("TABLE"))
            {
                CreateTable(where);
            }
            else if (c.Is("INDEX") || (c.Is("UNIQUE") && c.IsAt(1, "INDEX")))
            {
                CreateIndex(where);
            }
            else if (c.Take("TYPE"))
            {
                CreateType(where);
            }
            else if (c.Take("DOMAIN"))
            {
                CreateDomain(where);
            }
            else if (c.IsAny("VIEW", "MATERIALIZED", "FUNCTION", "PROCEDURE", "TRIGGER", "CONSTRAINT", "SEQUENCE", "EXTENSION", "SCHEMA", "ROLE", "USER",
                "POLICY", "RULE", "AGGREGATE", "OPERATOR", "COLLATION", "PUBLICATION", "SUBSCRIPTION", "STATISTICS", "EVENT", "TEXT", "SERVER", "FOREIGN",
                "CAST", "CONVERSION", "LANGUAGE", "TRANSFORM", "ACCESS", "TABLESPACE", "DATABASE", "GROUP", "RECURSIVE", "DEFINER", "ALGORITHM", "SQL"))
            {
                Add(new OtherPart("CREATE " + c.Text.ToUpperInvariant()), where);
            }
            else
            {
                Unreadable($"CREATE {c.Text}: not something the parser knows how to create");
            }
        }

        private void CreateTable((int Line, int Column) where)
        {
            var idempotent = IfExists();
            var table = RequireName("a table name");
            if (c.Take("AS") || c.Take("PARTITION") || c.Take("OF") || c.Take("USING"))
            {
                Add(new CreatedTablePart(table), where);
                return;
            }

            if (!c.TakeSymbol('('))
            {
                if (c.Take("LIKE"))
                {
                    Add(new CreatedTablePart(table), where);
                    return;
                }

                throw new ArgumentException($"CREATE TABLE {table}: expected ( after the name");
            }

            var columns = new List<ParsedColumn>();
            var constraints = new List<TableConstraint>();
            var madeUp = new List<string>();
            while (!c.AtEnd && !c.IsSymbol(')'))
            {
                if (TableConstraintClause(table) is { } clause)
                {
                    constraints.Add(clause.Constraint);
                    if (!clause.Named)
                    {
                        madeUp.Add(clause.Constraint.Name);
                    }
                }
                else if (c.Take("LIKE"))
                {
                    c.TakeName();
                    while (c.IsAny("INCLUDING", "EXCLUDING"))
                    {
                        c.Index += 2;
                    }
                }
                else if (c.IsAny("INDEX", "KEY") || c.IsAny("FULLTEXT", "SPATIAL"))
                {
                    // MySQL: INDEX name (columns) inside CREATE TABLE.
                    c.SkipToComma();
                }
                else if (ColumnDefinition(table) is { } column)
                {
                    columns.Add(column);
                }
                else
                {
                    throw new ArgumentException($"CREATE TABLE {table}: cannot read `{Short(c.Rest())}`");
                }

                if (!c.TakeSymbol(','))
                {
                    break;
                }
            }

            if (!c.TakeSymbol(')'))
            {
                throw new ArgumentException($"CREATE TABLE {table}: expected ) at `{Short(c.Rest())}`");
            }

            var written = constraints.Count;
            var pk = columns.Where(k => k.PrimaryKey).Select(k => k.Name).ToList();
            if (pk.Count > 0)
            {
                constraints.Insert(0, new PrimaryKeyConstraint($"{table}_pkey", pk));
            }

            constraints.AddRange(columns.Where(k => k.Unique).Select(k => new UniqueConstraint($"{table}_{k.Name}_key", [k.Name])));
            constraints.AddRange(columns.Where(k => k.References is not null)
                .Select(k => new ForeignKeyConstraint($"{table}_{k.Name}_fkey", [k.Name], k.References!)));
            constraints.AddRange(columns.Where(k => k.Check is not null).Select(k => new CheckConstraint($"{table}_{k.Name}_check", k.Check!)));

            // Constraints written inside a column definition are named by the engine.
            madeUp.AddRange(constraints.Where((k, i) => pk.Count > 0 ? i == 0 || i > written : i >= written).Select(k => k.Name));
            var operation = new CreateTableOperation { Name = table, Columns = columns.Select(Definition).ToList(), Constraints = constraints };
            Add(new OperationPart(operation) { Columns = columns, Idempotent = idempotent, MadeUpNames = madeUp }, where);
        }

        private static ColumnDefinition Definition(ParsedColumn column) => new()
        {
            Name = column.Name,
            Type = SqlType.Custom(column.Type.Length == 0 ? "any" : column.Type),
            Nullable = column.Nullable,
            Default = column.Default is { Length: > 0 } d ? Sql.Raw(d) : null,
        };

        private void CreateIndex((int Line, int Column) where)
        {
            var unique = c.Take("UNIQUE");
            c.Take("INDEX");
            var concurrently = c.Take("CONCURRENTLY");
            var idempotent = IfExists();
            string? name = null;
            if (!c.Is("ON"))
            {
                name = RequireName("an index name");
            }

            if (!c.Take("ON"))
            {
                throw new ArgumentException("CREATE INDEX: expected ON table");
            }

            c.Take("ONLY");
            var table = RequireName("the indexed table");
            string? method = null;
            if (c.Take("USING"))
            {
                method = RequireName("an index method");
            }

            if (!c.IsSymbol('('))
            {
                throw new ArgumentException($"CREATE INDEX on {table}: expected (columns)");
            }

            var columns = IndexColumns();
            if (columns.Count == 0)
            {
                throw new ArgumentException($"CREATE INDEX on {table}: no columns");
            }

            IndexParameters();
            c.TakeAll("NULLS", "NOT", "DISTINCT");
            c.TakeAll("NULLS", "DISTINCT");
            if (c.Take("TABLESPACE"))
            {
                c.TakeName();
            }

            string? predicate = null;
            if (c.Take("WHERE"))
            {
                predicate = c.Rest();
                c.SkipToEnd();
            }

            var (algorithm, lockMode) = ((string?)null, (string?)null);
            while (c.IsAny("ALGORITHM", "LOCK"))
            {
                // MySQL: CREATE INDEX ... ALGORITHM=INPLACE LOCK=NONE
                var isAlgorithm = c.Take("ALGORITHM") || !c.Take("LOCK");
                c.TakeSymbol('=');
                (algorithm, lockMode) = isAlgorithm ? (c.Text.ToUpperInvariant(), lockMode) : (algorithm, c.Text.ToUpperInvariant());
                c.Index++;
            }

            if (algorithm is not null || lockMode is not null)
            {
                Add(new TableAlgorithmPart(table, algorithm, lockMode), where);
            }

            var operation = new CreateIndexOperation
            {
                Name = name ?? $"{table}_{string.Join("_", columns.Select(k => k.Trim('(', ')')))}_idx",
                Table = table,
                Columns = columns,
                Unique = unique,
                Where = predicate,
                Method = method is null or "btree" ? null : method,
                Concurrently = concurrently,
            };
            Add(new OperationPart(operation) { Idempotent = idempotent, MadeUpNames = name is null ? [operation.Name] : [] }, where);
        }

        /// <summary>Index entries: a column (with its collation, operator class and order left out) or an expression in parentheses.</summary>
        private List<string> IndexColumns()
        {
            c.TakeSymbol('(');
            var columns = new List<string>();
            while (!c.AtEnd && !c.IsSymbol(')'))
            {
                if (c.IsName && !c.IsSymbolAt(1, '('))
                {
                    var name = c.TakeName()!;
                    c.TakeUntil();
                    columns.Add(name);
                }
                else
                {
                    var text = c.TakeUntil();
                    columns.Add(text.StartsWith('(') ? text : $"({text})");
                }

                if (!c.TakeSymbol(','))
                {
                    break;
                }
            }

            c.TakeSymbol(')');
            return columns;
        }

        private void CreateType((int Line, int Column) where)
        {
            var name = RequireName("a type name");
            if (c.TakeAll("AS", "ENUM"))
            {
                var values = new List<string>();
                c.TakeSymbol('(');
                while (c.TakeString() is { } value)
                {
                    values.Add(value);
                    if (!c.TakeSymbol(','))
                    {
                        break;
                    }
                }

                if (!c.TakeSymbol(')'))
                {
                    throw new ArgumentException($"CREATE TYPE {name} AS ENUM: expected ('value', ...)");
                }

                Add(new OperationPart(new CreateEnumOperation { Name = name, Values = values }), where);
                return;
            }

            Add(new OtherPart("CREATE TYPE"), where);
        }

        private void CreateDomain((int Line, int Column) where)
        {
            var name = RequireName("a domain name");
            Add(c.HasTopLevel("CHECK") ? new DomainConstraintPart(name, Creating: true, NotValid: false) : new OtherPart("CREATE DOMAIN"), where);
        }
    }
}
