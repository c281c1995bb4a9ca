using Ratchet.Operations;

namespace Ratchet.Safety.Parsing;

public static partial class SqlParser
{
    private sealed partial class Reader
    {
        private void Alter((int Line, int Column) where)
        {
            if (c.Take("TABLE"))
            {
                AlterTable(where);
            }
            else if (c.Take("TYPE"))
            {
                AlterType(where);
            }
            else if (c.Take("DOMAIN"))
            {
                AlterDomain(where);
            }
            else if (c.IsAny("SCHEMA", "INDEX", "VIEW", "SEQUENCE", "MATERIALIZED") && c.HasTopLevel("RENAME") && !c.HasTopLevel("COLUMN"))
            {
                var kind = c.Take("MATERIALIZED") ? "MATERIALIZED VIEW" : c.Text.ToUpperInvariant();
                c.Index++;
                IfExists();
                var name = RequireName($"a {kind.ToLowerInvariant()} name");
                if (c.TakeAll("RENAME", "TO"))
                {
                    Add(new RenameObjectPart(kind, name, RequireName("the new name")), where);
                }
                else
                {
                    Add(new OtherPart("ALTER " + kind), where);
                }
            }
            else if (c.IsAny("SEQUENCE", "FUNCTION", "PROCEDURE", "ROLE", "USER", "VIEW", "DEFAULT", "EXTENSION", "DATABASE", "SYSTEM", "SCHEMA", "INDEX",
                "MATERIALIZED", "POLICY", "TRIGGER", "PUBLICATION", "SUBSCRIPTION", "OPERATOR", "AGGREGATE", "COLLATION", "STATISTICS", "SERVER", "EVENT",
                "TEXT", "FOREIGN", "LARGE", "GROUP", "TABLESPACE", "LANGUAGE", "ROUTINE", "RULE", "CONVERSION"))
            {
                Add(new OtherPart("ALTER " + c.Text.ToUpperInvariant()), where);
            }
            else
            {
                Unreadable($"ALTER {c.Text}: not something the parser knows how to alter");
            }
        }

        private void AlterTable((int Line, int Column) where)
        {
            IfExists();
            c.Take("ONLY");
            var table = RequireName("a table name");
            c.TakeSymbol('*');
            var (algorithm, lockMode) = ((string?)null, (string?)null);
            var any = false;
            while (!c.AtEnd)
            {
                var at = c.Position();
                var before = c.Index;
                any = true;
                if (c.Take("ALGORITHM"))
                {
                    c.TakeSymbol('=');
                    algorithm = c.Text.ToUpperInvariant();
                    c.Index++;
                }
                else if (c.Take("LOCK"))
                {
                    c.TakeSymbol('=');
                    lockMode = c.Text.ToUpperInvariant();
                    c.Index++;
                }
                else
                {
                    AlterTableAction(table, at);
                }

                if (c.Index == before)
                {
                    break;
                }

                if (!c.TakeSymbol(','))
                {
                    if (!c.AtEnd)
                    {
                        Unreadable($"ALTER TABLE {table}: cannot read `{Short(c.Rest())}`");
                    }

                    break;
                }
            }

            if (!any)
            {
                Unreadable($"ALTER TABLE {table}: no action");
            }

            if (algorithm is not null || lockMode is not null)
            {
                Add(new TableAlgorithmPart(table, algorithm, lockMode), where);
            }
        }

        /// <summary>One action of ALTER TABLE; an action it cannot read becomes an unreadable part and is skipped.</summary>
        private void AlterTableAction(string table, (int Line, int Column) at)
        {
            if (c.Take("ADD"))
            {
                AddAction(table, at);
            }
            else if (c.Take("DROP"))
            {
                DropAction(table, at);
            }
            else if (c.Take("ALTER") || c.Is("MODIFY") || c.Is("CHANGE"))
            {
                AlterColumnAction(table, at);
            }
            else if (c.TakeAll("VALIDATE", "CONSTRAINT"))
            {
                Add(new OperationPart(new ValidateConstraintOperation { Table = table, Name = RequireName("a constraint name") }), at);
            }
            else if (c.Take("RENAME"))
            {
                RenameAction(table, at);
            }
            else if (c.TakeAll("DETACH", "PARTITION"))
            {
                var partition = RequireName("a partition name");
                var concurrently = c.Take("CONCURRENTLY");
                c.Take("FINALIZE");
                Add(new MaintenancePart("DETACH PARTITION", partition, concurrently, Full: false), at);
            }
            else if (c.TakeAll("SET", "SCHEMA") || c.TakeAll("OWNER", "TO") || c.TakeAll("SET", "TABLESPACE") || c.TakeAll("ATTACH", "PARTITION")
                || c.TakeAll("CLUSTER", "ON") || c.TakeAll("REPLICA", "IDENTITY") || c.Take("INHERIT") || c.TakeAll("NO", "INHERIT") || c.Take("OF")
                || c.TakeAll("NOT", "OF") || c.IsAny("ENABLE", "DISABLE", "FORCE", "NO") || c.TakeAll("SET", "WITHOUT") || c.TakeAll("SET", "WITH")
                || c.TakeAll("SET", "LOGGED") || c.TakeAll("SET", "UNLOGGED") || c.TakeAll("SET", "ACCESS", "METHOD") || c.Take("SET") || c.Take("RESET")
                || c.Take("ENGINE") || c.Take("COMMENT") || c.TakeAll("DEFAULT", "CHARSET") || c.TakeAll("CONVERT", "TO") || c.Take("AUTO_INCREMENT"))
            {
                c.SkipToComma();
                Add(new OtherPart("ALTER TABLE"), at);
            }
            else
            {
                Unreadable($"ALTER TABLE {table}: unknown action `{Short(c.Rest())}`");
                c.SkipToComma();
            }
        }

        private void AddAction(string table, (int Line, int Column) at)
        {
            if (TableConstraintClause(table) is { } clause)
            {
                Add(new OperationPart(new AddConstraintOperation { Table = table, Constraint = clause.Constraint, NotValid = clause.NotValid })
                {
                    UsingIndex = clause.UsingIndex,
                    MadeUpNames = clause.Named ? [] : [clause.Constraint.Name],
                }, at);
                return;
            }

            if (c.IsAny("INDEX", "KEY", "FULLTEXT", "SPATIAL") && !c.IsAt(1, "NOT"))
            {
                // MySQL: ADD INDEX name (columns).
                c.Index++;
                var name = c.IsSymbol('(') ? null : c.TakeName();
                var columns = IndexColumns();
                Add(new OperationPart(new CreateIndexOperation { Name = name ?? $"{table}_idx", Table = table, Columns = columns }), at);
                return;
            }

            c.Take("COLUMN");
            var idempotent = IfExists();
            var column = ColumnDefinition(table) ?? throw new ArgumentException($"ALTER TABLE {table} ADD: expected a column");
            if (column.Type.Length == 0 && c.AtEnd && column.Default is null)
            {
                throw new ArgumentException($"ALTER TABLE {table} ADD COLUMN {column.Name}: no type");
            }

            Add(new OperationPart(new AddColumnOperation { Table = table, Column = Definition(column) }) { Columns = [column], Idempotent = idempotent }, at);
            if (column.PrimaryKey)
            {
                Add(new OperationPart(new AddConstraintOperation { Table = table, Constraint = new PrimaryKeyConstraint($"{table}_pkey", [column.Name]) }), at);
            }

            if (column.Unique)
            {
                Add(new OperationPart(new AddConstraintOperation { Table = table, Constraint = new UniqueConstraint($"{table}_{column.Name}_key", [column.Name]) }), at);
            }

            if (column.References is { } references)
            {
                Add(new OperationPart(new AddConstraintOperation
                {
                    Table = table, Constraint = new ForeignKeyConstraint($"{table}_{column.Name}_fkey", [column.Name], references),
                }), at);
            }

            if (column.Check is { } check)
            {
                Add(new OperationPart(new AddConstraintOperation { Table = table, Constraint = new CheckConstraint($"{table}_{column.Name}_check", check) }), at);
            }
        }

        private void DropAction(string table, (int Line, int Column) at)
        {
            if (c.Take("CONSTRAINT") || c.TakeAll("FOREIGN", "KEY") || c.Take("CHECK"))
            {
                var idempotent = IfExists();
                var name = RequireName("a constraint name");
                c.Take("CASCADE");
                c.Take("RESTRICT");
                Add(new OperationPart(new DropConstraintOperation { Table = table, Name = name }) { Idempotent = idempotent }, at);
                return;
            }

            if (c.TakeAll("PRIMARY", "KEY"))
            {
                Add(new OperationPart(new DropConstraintOperation { Table = table, Name = $"{table}_pkey" }), at);
                return;
            }

            if (c.IsAny("INDEX", "KEY"))
            {
                c.Index++;
                Add(new OperationPart(new DropIndexOperation { Name = RequireName("an index name"), Table = table }), at);
                return;
            }

            c.Take("COLUMN");
            var ifExists = IfExists();
            var column = RequireName("a column name");
            c.Take("CASCADE");
            c.Take("RESTRICT");
            Add(new OperationPart(new DropColumnOperation { Table = table, Name = column }) { Idempotent = ifExists }, at);
        }

        /// <summary>ALTER [COLUMN] name TYPE / SET DEFAULT / DROP DEFAULT / SET NOT NULL / DROP NOT NULL / ...; MySQL MODIFY and CHANGE.</summary>
        private void AlterColumnAction(string table, (int Line, int Column) at)
        {
            if (c.Take("MODIFY"))
            {
                c.Take("COLUMN");
                var modified = ColumnDefinition(table) ?? throw new ArgumentException($"ALTER TABLE {table} MODIFY: expected a column");
                Add(new OperationPart(new AlterColumnOperation { Table = table, Name = modified.Name, Type = SqlType.Custom(modified.Type), Nullable = modified.Nullable })
                {
                    Columns = [modified],
                }, at);
                return;
            }

            if (c.Take("CHANGE"))
            {
                c.Take("COLUMN");
                var old = RequireName("a column name");
                var changed = ColumnDefinition(table) ?? throw new ArgumentException($"ALTER TABLE {table} CHANGE: expected a column");
                if (!string.Equals(old, changed.Name, StringComparison.Ordinal))
                {
                    Add(new OperationPart(new RenameColumnOperation { Table = table, Name = old, NewName = changed.Name }), at);
                }

                Add(new OperationPart(new AlterColumnOperation { Table = table, Name = changed.Name, Type = SqlType.Custom(changed.Type), Nullable = changed.Nullable })
                {
                    Columns = [changed],
                }, at);
                return;
            }

            if (c.Take("CONSTRAINT"))
            {
                c.SkipToComma();
                Add(new OtherPart("ALTER CONSTRAINT"), at);
                return;
            }

            c.Take("COLUMN");
            var name = RequireName("a column name");
            if (c.TakeAll("SET", "DATA", "TYPE") || c.Take("TYPE"))
            {
                var type = TypeText();
                if (c.Take("COLLATE"))
                {
                    c.TakeName();
                }

                string? usingExpression = null;
                if (c.Take("USING"))
                {
                    usingExpression = c.TakeUntil();
                }

                if (type.Length == 0)
                {
                    throw new ArgumentException($"ALTER TABLE {table} ALTER COLUMN {name} TYPE: no type");
                }

                Add(new OperationPart(new AlterColumnOperation { Table = table, Name = name, Type = SqlType.Custom(type), Using = usingExpression }), at);
            }
            else if (c.TakeAll("SET", "DEFAULT"))
            {
                var value = c.TakeUntil();
                Add(new OperationPart(new AlterColumnOperation { Table = table, Name = name, ChangesDefault = true, Default = Sql.Raw(value) }), at);
            }
            else if (c.TakeAll("DROP", "DEFAULT"))
            {
                Add(new OperationPart(new AlterColumnOperation { Table = table, Name = name, ChangesDefault = true }), at);
            }
            else if (c.TakeAll("SET", "NOT", "NULL"))
            {
                Add(new OperationPart(new AlterColumnOperation { Table = table, Name = name, Nullable = false }), at);
            }
            else if (c.TakeAll("DROP", "NOT", "NULL"))
            {
                Add(new OperationPart(new AlterColumnOperation { Table = table, Name = name, Nullable = true }), at);
            }
            else if (c.Is("ADD") || c.Is("SET") || c.Is("DROP") || c.Is("RESET") || c.Is("RESTART"))
            {
                c.SkipToComma();
                Add(new OtherPart("ALTER COLUMN"), at);
            }
            else
            {
                Unreadable($"ALTER TABLE {table} ALTER COLUMN {name}: unknown change `{Short(c.Rest())}`");
                c.SkipToComma();
            }
        }

        private void RenameAction(string table, (int Line, int Column) at)
        {
            if (c.Take("TO") || c.Take("AS"))
            {
                Add(new OperationPart(new RenameTableOperation { Name = table, NewName = RequireName("the new table name") }), at);
            }
            else if (c.Take("CONSTRAINT"))
            {
                var old = RequireName("a constraint name");
                c.Take("TO");
                Add(new RenameObjectPart("CONSTRAINT", old, RequireName("the new constraint name")), at);
            }
            else if (c.IsAny("INDEX", "KEY"))
            {
                c.Index++;
                var old = RequireName("an index name");
                c.Take("TO");
                Add(new RenameObjectPart("INDEX", old, RequireName("the new index name")), at);
            }
            else
            {
                c.Take("COLUMN");
                var old = RequireName("a column name");
                if (!c.Take("TO"))
                {
                    throw new ArgumentException($"ALTER TABLE {table} RENAME {old}: expected TO");
                }

                Add(new OperationPart(new RenameColumnOperation { Table = table, Name = old, NewName = RequireName("the new column name") }), at);
            }
        }

        private void AlterType((int Line, int Column) where)
        {
            var name = RequireName("a type name");
            if (c.TakeAll("ADD", "VALUE"))
            {
                IfExists();
                var value = c.TakeString() ?? throw new ArgumentException($"ALTER TYPE {name} ADD VALUE: expected 'value'");
                string? before = null;
                string? after = null;
                if (c.Take("BEFORE"))
                {
                    before = c.TakeString();
                }
                else if (c.Take("AFTER"))
                {
                    after = c.TakeString();
                }

                Add(new OperationPart(new AddEnumValueOperation { Enum = name, Value = value, Before = before }), where);
                if (after is not null)
                {
                    Add(new EnumValueAfterPart(name, value, after), where);
                }
            }
            else if (c.TakeAll("RENAME", "VALUE"))
            {
                var old = c.TakeString() ?? throw new ArgumentException($"ALTER TYPE {name} RENAME VALUE: expected 'value'");
                c.Take("TO");
                Add(new EnumValueRenamePart(name, old, c.TakeString() ?? throw new ArgumentException($"ALTER TYPE {name} RENAME VALUE: expected TO 'value'")), where);
            }
            else if (c.TakeAll("RENAME", "TO"))
            {
                Add(new RenameObjectPart("TYPE", name, RequireName("the new type name")), where);
            }
            else
            {
                Add(new OtherPart("ALTER TYPE"), where);
            }
        }

        private void AlterDomain((int Line, int Column) where)
        {
            var name = RequireName("a domain name");
            if (c.Take("ADD"))
            {
                Add(new DomainConstraintPart(name, Creating: false, NotValid: c.HasTopLevel("VALID")), where);
                return;
            }

            Add(new OtherPart("ALTER DOMAIN"), where);
        }
    }
}
