using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Safety.Parsing;

/// <summary>
/// A hand-written reader of the PostgreSQL, SQLite and MySQL DDL that matters for safety: CREATE / ALTER / DROP of
/// tables, columns, indexes, constraints, types and domains; RENAME; TRUNCATE; SET; transaction control; UPDATE,
/// DELETE and INSERT; REINDEX, VACUUM, CLUSTER; PRAGMA. It yields the same typed operations as C# migrations, plus
/// facts no operation holds. It recovers from what it cannot read: that statement (or ALTER TABLE action) becomes an
/// <see cref="UnreadablePart"/> (lint's RAT036) and the rest is still read. Statements it only needs to recognize
/// (CREATE VIEW, CREATE FUNCTION, COMMENT, GRANT, SELECT, DO, ...) become an <see cref="OtherPart"/>.
/// </summary>
public static partial class SqlParser
{
    /// <summary>Reads one statement.</summary>
    public static ParsedStatement Parse(SqlStatement statement, string file = "<sql>")
    {
        ArgumentNullException.ThrowIfNull(statement);
        List<SqlToken> tokens;
        try
        {
            tokens = SqlLexer.Tokenize(statement.Sql, file, statement.Line).Where(t => !t.IsComment).ToList();
        }
        catch (MigrationFileException e)
        {
            return new ParsedStatement
            {
                Sql = statement.Sql, Line = statement.Line, Verb = "", Parts = [new UnreadablePart(e.Message) { Line = statement.Line, Column = statement.Column }],
            };
        }

        var cursor = new TokenCursor(statement.Sql, tokens, statement.Column);
        var verb = cursor.AtEnd ? "" : cursor.Text.ToUpperInvariant();
        var parts = new List<StatementPart>();
        var reader = new Reader(cursor, parts);
        try
        {
            reader.Statement();
        }
        catch (ArgumentException e)
        {
            // A name or list that is not what it must be (an empty constraint name, say): the statement is unreadable.
            parts.Add(reader.At(new UnreadablePart(e.Message)));
        }

        if (parts.Count == 0)
        {
            parts.Add(reader.At(new UnreadablePart($"nothing the parser could read in `{Short(statement.Sql)}`")));
        }

        return new ParsedStatement { Sql = statement.Sql, Line = statement.Line, Verb = verb, Parts = parts };
    }

    /// <summary>Reads every statement of a script.</summary>
    public static IReadOnlyList<ParsedStatement> Parse(IEnumerable<SqlStatement> statements, string file = "<sql>") =>
        statements.Select(s => Parse(s, file)).ToList();

    internal static string Short(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 60 ? flat[..60] + "..." : flat;
    }

    /// <summary>The parse of one statement: the cursor, the parts found, and one method per kind of statement.</summary>
    private sealed partial class Reader(TokenCursor c, List<StatementPart> parts)
    {
        public T At<T>(T part, (int Line, int Column)? where = null)
            where T : StatementPart
        {
            var (line, column) = where ?? c.Position();
            return part with { Line = line, Column = column };
        }

        private void Add(StatementPart part, (int Line, int Column) where) => parts.Add(At(part, where));

        private void Unreadable(string reason) => parts.Add(At(new UnreadablePart(reason)));

        public void Statement()
        {
            var where = c.Position();
            if (c.Take("CREATE"))
            {
                Create(where);
            }
            else if (c.Take("ALTER"))
            {
                Alter(where);
            }
            else if (c.Take("DROP"))
            {
                Drop(where);
            }
            else if (c.Is("TRUNCATE"))
            {
                Truncate(where);
            }
            else if (c.IsAny("SET", "RESET"))
            {
                Setting(where);
            }
            else if (c.IsAny("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT"))
            {
                Transaction(where);
            }
            else if (c.IsAny("UPDATE", "DELETE", "INSERT", "MERGE", "REPLACE", "UPSERT"))
            {
                Rows(where);
            }
            else if (c.Is("WITH"))
            {
                With(where);
            }
            else if (c.IsAny("REINDEX", "VACUUM", "CLUSTER"))
            {
                Maintenance(where);
            }
            else if (c.Is("PRAGMA"))
            {
                Pragma(where);
            }
            else if (c.TakeAll("RENAME", "TABLE"))
            {
                // MySQL: RENAME TABLE a TO b [, c TO d].
                do
                {
                    var from = RequireName("a table name");
                    c.Take("TO");
                    Add(new OperationPart(new Operations.RenameTableOperation { Name = from, NewName = RequireName("the new table name") }), where);
                }
                while (c.TakeSymbol(','));
            }
            else if (c.IsAny(Recognized))
            {
                Add(new OtherPart(c.Text.ToUpperInvariant()), where);
            }
            else
            {
                Unreadable($"`{Short(c.Sql)}` is not a statement the parser knows");
            }
        }

        /// <summary>Statements read as "nothing hazardous here" by their first word.</summary>
        private static readonly string[] Recognized =
        [
            "SELECT", "VALUES", "TABLE", "COMMENT", "GRANT", "REVOKE", "DO", "CALL", "NOTIFY", "LISTEN", "UNLISTEN", "LOCK", "REFRESH", "SECURITY",
            "EXPLAIN", "COPY", "SAVEPOINT", "RELEASE", "PREPARE", "EXECUTE", "DEALLOCATE", "DISCARD", "CHECKPOINT", "LOAD", "IMPORT", "REASSIGN",
            "ANALYZE", "ANALYSE", "SHOW", "FETCH", "MOVE", "CLOSE", "DECLARE", "ATTACH", "DETACH", "USE",
        ];

        /// <summary>Skips <c>IF EXISTS</c> / <c>IF NOT EXISTS</c>; whether it was there.</summary>
        private bool IfExists() => c.TakeAll("IF", "EXISTS") || c.TakeAll("IF", "NOT", "EXISTS");

        private string RequireName(string what)
        {
            var name = c.TakeName();
            if (name is null)
            {
                throw new ArgumentException($"expected {what} at `{Short(c.Rest())}`");
            }

            return name;
        }
    }
}
