using Ratchet.Operations;

namespace Ratchet.Safety.Parsing;

public static partial class SqlParser
{
    private sealed partial class Reader
    {
        private void Drop((int Line, int Column) where)
        {
            if (c.Take("TABLE"))
            {
                var idempotent = IfExists();
                foreach (var name in NameList())
                {
                    Add(new OperationPart(new DropTableOperation { Name = name }) { Idempotent = idempotent }, where);
                }

                return;
            }

            if (c.Take("INDEX"))
            {
                var concurrently = c.Take("CONCURRENTLY");
                var idempotent = IfExists();
                foreach (var name in NameList())
                {
                    Add(new OperationPart(new DropIndexOperation { Name = name, Concurrently = concurrently }) { Idempotent = idempotent }, where);
                }

                // MySQL: DROP INDEX name ON table.
                if (c.Take("ON"))
                {
                    c.TakeName();
                }

                return;
            }

            if (c.Take("TYPE"))
            {
                var idempotent = IfExists();
                foreach (var name in NameList())
                {
                    Add(new OperationPart(new DropEnumOperation { Name = name, Values = [] }) { Idempotent = idempotent }, where);
                }

                return;
            }

            string[] kinds = ["SCHEMA", "DATABASE", "VIEW", "MATERIALIZED", "SEQUENCE", "FUNCTION", "PROCEDURE", "TRIGGER", "DOMAIN", "EXTENSION", "ROLE",
                "USER", "POLICY", "RULE", "AGGREGATE", "OPERATOR", "COLLATION", "PUBLICATION", "SUBSCRIPTION", "STATISTICS", "EVENT", "TEXT", "SERVER",
                "FOREIGN", "OWNED", "CAST", "CONVERSION", "LANGUAGE", "TRANSFORM", "ACCESS", "TABLESPACE", "GROUP", "ROUTINE"];
            if (c.IsAny(kinds))
            {
                var kind = c.Take("MATERIALIZED") ? "MATERIALIZED VIEW" : c.Text.ToUpperInvariant();
                c.Index++;
                var ifExists = IfExists();
                var name = c.TakeName() ?? "";
                var cascade = c.HasTopLevel("CASCADE");
                Add(new DropObjectPart(kind, name, cascade, ifExists), where);
                return;
            }

            Unreadable($"DROP {c.Text}: not something the parser knows how to drop");
        }

        /// <summary>name [, name ...], each possibly qualified; [CASCADE | RESTRICT] after them is skipped.</summary>
        private List<string> NameList()
        {
            var names = new List<string> { RequireName("a name") };
            while (c.TakeSymbol(','))
            {
                names.Add(RequireName("a name"));
            }

            c.Take("CASCADE");
            c.Take("RESTRICT");
            return names;
        }

        private void Truncate((int Line, int Column) where)
        {
            c.Take("TRUNCATE");
            c.Take("TABLE");
            c.Take("ONLY");
            var tables = new List<string> { RequireName("a table name") };
            c.TakeSymbol('*');
            while (c.TakeSymbol(','))
            {
                c.Take("ONLY");
                tables.Add(RequireName("a table name"));
                c.TakeSymbol('*');
            }

            c.TakeAll("RESTART", "IDENTITY");
            c.TakeAll("CONTINUE", "IDENTITY");
            Add(new TruncatePart(tables, Cascade: c.Take("CASCADE")), where);
        }

        private void Setting((int Line, int Column) where)
        {
            if (c.Take("RESET"))
            {
                Add(new SettingPart(c.Take("ALL") ? "all" : RequireName("a setting"), null, Local: false), where);
                return;
            }

            c.Take("SET");
            if (c.Is("TRANSACTION") || c.Is("CONSTRAINTS") || c.Is("ROLE") || c.Is("SESSION") && c.IsAt(1, "AUTHORIZATION") || c.Is("NAMES"))
            {
                Add(new OtherPart("SET"), where);
                return;
            }

            var local = c.Take("LOCAL");
            c.Take("SESSION");
            var name = RequireName("a setting");
            if (!c.Take("TO") && !c.TakeSymbol('='))
            {
                throw new ArgumentException($"SET {name}: expected TO or =");
            }

            var value = c.Rest().Trim();
            c.SkipToEnd();
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1];
            }

            Add(new SettingPart(name, value, local), where);
        }

        private void Transaction((int Line, int Column) where)
        {
            var verb = c.Text.ToUpperInvariant();
            if (verb == "ROLLBACK" && c.HasTopLevel("TO"))
            {
                Add(new OtherPart("ROLLBACK TO SAVEPOINT"), where);
                return;
            }

            if (verb == "START" && !c.IsAt(1, "TRANSACTION"))
            {
                Unreadable($"`{Short(c.Sql)}` is not a statement the parser knows");
                return;
            }

            if (verb == "END" && c.IsAt(1, "IF"))
            {
                Unreadable($"`{Short(c.Sql)}` is not a statement the parser knows");
                return;
            }

            Add(new TransactionPart(verb == "START" ? "BEGIN" : verb == "END" ? "COMMIT" : verb == "ABORT" ? "ROLLBACK" : verb), where);
        }

        private void With((int Line, int Column) where)
        {
            // WITH cte AS (...) [, ...] then SELECT, UPDATE, DELETE or INSERT: the statement after the CTEs decides.
            c.Take("WITH");
            c.Take("RECURSIVE");
            while (c.IsName)
            {
                c.TakeName();
                c.TakeNameList();
                c.Take("AS");
                c.TakeAll("NOT", "MATERIALIZED");
                c.Take("MATERIALIZED");
                c.TakeParenthesized();
                if (!c.TakeSymbol(','))
                {
                    break;
                }
            }

            if (c.IsAny("UPDATE", "DELETE", "INSERT", "MERGE"))
            {
                Rows(where);
                return;
            }

            Add(new OtherPart("WITH"), where);
        }

        private void Rows((int Line, int Column) where)
        {
            var verb = c.Text.ToUpperInvariant();
            c.Index++;
            if (verb is "INSERT" or "REPLACE" or "UPSERT")
            {
                c.TakeAll("OR", "REPLACE");
                c.TakeAll("OR", "IGNORE");
                c.Take("IGNORE");
                c.Take("INTO");
                Add(new RowsPart("INSERT", RequireName("a table name"), HasWhere: true), where);
                return;
            }

            if (verb == "MERGE")
            {
                c.Take("INTO");
                Add(new RowsPart("MERGE", RequireName("a table name"), HasWhere: true), where);
                return;
            }

            if (verb == "DELETE")
            {
                c.Take("FROM");
            }

            c.Take("ONLY");
            var table = RequireName("a table name");
            Add(new RowsPart(verb, table, HasWhere: c.HasTopLevel("WHERE") || c.HasTopLevel("LIMIT")), where);
            c.SkipToEnd();
        }

        private void Maintenance((int Line, int Column) where)
        {
            var verb = c.Text.ToUpperInvariant();
            c.Index++;
            var options = c.IsSymbol('(') ? c.TakeParenthesized() ?? "" : "";
            var concurrently = options.Contains("CONCURRENTLY", StringComparison.OrdinalIgnoreCase);
            var full = options.Contains("FULL", StringComparison.OrdinalIgnoreCase);
            string? target = null;
            while (!c.AtEnd)
            {
                if (c.Take("CONCURRENTLY"))
                {
                    concurrently = true;
                }
                else if (c.Take("FULL"))
                {
                    full = true;
                }
                else if (c.IsAny("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM", "VERBOSE", "FREEZE", "ANALYZE", "ANALYSE"))
                {
                    c.Index++;
                }
                else if (c.Take("USING"))
                {
                    c.TakeName();
                }
                else if (c.IsName)
                {
                    target ??= c.TakeName();
                }
                else
                {
                    c.Index++;
                }
            }

            Add(new MaintenancePart(verb, target, concurrently, full), where);
        }

        private void Pragma((int Line, int Column) where)
        {
            c.Take("PRAGMA");
            var name = RequireName("a pragma");
            string? value = null;
            if (c.TakeSymbol('='))
            {
                value = c.Rest().Trim();
            }
            else if (c.IsSymbol('('))
            {
                value = c.TakeParenthesized();
            }

            c.SkipToEnd();
            Add(new PragmaPart(name, value), where);
        }
    }
}
