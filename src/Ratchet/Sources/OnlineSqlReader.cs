using Ratchet.Online;
using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Safety.Parsing;

namespace Ratchet.Sources;

/// <summary>
/// Reads the up section of an online SQL revision (<c>-- ratchet:online</c>) into online operations: each statement
/// is read by the lint parser and must be one of the changes Ratchet can run online (docs/online.md), plus Ratchet's
/// own <c>ALTER TABLE t SPLIT COLUMN c INTO (a type [NOT NULL] USING expr, ...)</c>. <c>-- ratchet:backfill</c> and
/// <c>-- ratchet:down-using</c> right above a statement give its expressions.
/// </summary>
public static class OnlineSqlReader
{
    /// <summary>The online script of the file.</summary>
    /// <exception cref="MigrationFileException">A statement is not an online operation, or a directive is missing; names the line.</exception>
    public static OnlineScript Read(SqlMigrationFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Down is not null)
        {
            throw new MigrationFileException(new SourceLocation(file.Path, 1),
                "an online revision has no `down` section: Ratchet plans its abort and down from the up operations");
        }

        if (!file.Transactional)
        {
            throw new MigrationFileException(new SourceLocation(file.Path, 1), "`transaction off` does not apply to an online revision: each step chooses its own");
        }

        var statements = ((SqlScript)file.Up).Statements;
        var operations = new List<OnlineOperation>();
        foreach (var statement in statements)
        {
            var directives = file.OnlineDirectives.GetValueOrDefault(statement.Line);
            var at = new SourceLocation(file.Path, statement.Line);
            var operation = Split(statement, directives, at) ?? Read(SqlParser.Parse(statement, file.Path), directives, at);
            operations.Add(operation with { Line = statement.Line });
        }

        var used = statements.Select(s => s.Line).ToHashSet();
        if (file.OnlineDirectives.Keys.FirstOrDefault(line => !used.Contains(line)) is var stray and > 0)
        {
            throw new MigrationFileException(new SourceLocation(file.Path, stray), "a `backfill` or `down-using` directive stands above no statement of the up section");
        }

        // The file's text is what is checksummed (as for any SQL file), with the directives that change what runs.
        var written = string.Join('\n', file.OnlineDirectives.OrderBy(d => d.Key).Select(d => $"{d.Key}:{d.Value.Backfill}\u0001{d.Value.DownUsing}"));
        return new OnlineScript(operations, statements, History.Checksum.OfText($"{file.Up.Checksum}\n{written}"));
    }

    private static OnlineOperation Read(ParsedStatement parsed, OnlineStatementDirectives directives, SourceLocation at)
    {
        var operations = parsed.Parts.OfType<OperationPart>().Select(p => p.Operation).ToList();
        if (parsed.HasUnreadable || operations.Count != 1 || parsed.Parts.Count != 1)
        {
            throw NotOnline(at, parsed.Sql, operations.Count > 1 ? "one change per statement" : null);
        }

        OnlineOperation result = operations[0] switch
        {
            AlterColumnOperation { Type: { } type, Nullable: null, ChangesDefault: false } o =>
                new ChangeColumnTypeOnline { TableName = o.Table, Column = o.Name, Type = type, Using = o.Using, DownUsing = directives.DownUsing },
            AlterColumnOperation { Type: null, Nullable: false, ChangesDefault: false } o =>
                new SetNotNullOnline { TableName = o.Table, Column = o.Name, Backfill = directives.Backfill },
            AddColumnOperation o => new AddColumnOnline { TableName = o.Table, Column = o.Column, Backfill = directives.Backfill },
            RenameColumnOperation o => new RenameColumnOnline { TableName = o.Table, Column = o.Name, NewName = o.NewName },
            DropColumnOperation o => new DropColumnOnline { TableName = o.Table, Column = o.Name, DownUsing = directives.DownUsing },
            AddConstraintOperation { Constraint: ForeignKeyConstraint fk } o => new AddForeignKeyOnline
            {
                TableName = o.Table, Name = fk.Name, Columns = fk.Columns, PrincipalTable = fk.References.PrincipalTable,
                PrincipalColumns = fk.References.PrincipalColumns, OnDelete = fk.References.OnDelete, OnUpdate = fk.References.OnUpdate,
            },
            AddConstraintOperation { Constraint: UniqueConstraint u } o => new AddUniqueOnline { TableName = o.Table, Name = u.Name, Columns = u.Columns },
            AddConstraintOperation { Constraint: CheckConstraint ck } o => new AddCheckOnline { TableName = o.Table, Name = ck.Name, Expression = ck.Expression },
            CreateIndexOperation o => new CreateIndexOnline { TableName = o.Table, Name = o.Name, Columns = o.Columns, Unique = o.Unique, Where = o.Where, Method = o.Method },
            DropIndexOperation o => new DropIndexOnline { Name = o.Name },
            CreateEnumOperation o => new CreateEnumOnline { Name = o.Name, Values = o.Values },
            _ => throw NotOnline(at, parsed.Sql, null),
        };
        if (directives.Backfill is not null && result is not (AddColumnOnline or SetNotNullOnline))
        {
            throw new MigrationFileException(at, "`backfill` belongs to ADD COLUMN or SET NOT NULL");
        }

        if (directives.DownUsing is not null && result is not (ChangeColumnTypeOnline or DropColumnOnline))
        {
            throw new MigrationFileException(at, "`down-using` belongs to ALTER COLUMN ... TYPE, DROP COLUMN or SPLIT COLUMN");
        }

        return result;
    }

    /// <summary><c>ALTER TABLE t SPLIT COLUMN c INTO (a type [NOT NULL] USING expr, ...)</c>, or null when the statement is not one.</summary>
    private static SplitColumnOnline? Split(SqlStatement statement, OnlineStatementDirectives directives, SourceLocation at)
    {
        var sql = statement.Sql;
        var all = SqlLexer.Tokenize(sql).Where(t => !t.IsComment).ToList();
        var split = all.FindIndex(t => t.IsWord(sql, "SPLIT"));
        if (all.Count < 8 || !all[0].IsWord(sql, "ALTER") || !all[1].IsWord(sql, "TABLE") || split < 3 || !all[split + 1].IsWord(sql, "COLUMN"))
        {
            return null;
        }

        var table = string.Concat(all.Skip(2).Take(split - 2).Select(t => Name(sql, t)));
        var column = Name(sql, all[split + 2]);
        if (!all[split + 3].IsWord(sql, "INTO") || all[split + 4].Text(sql) is not "(" || all[^1].Text(sql) is not ")")
        {
            throw new MigrationFileException(at, "SPLIT COLUMN reads: ALTER TABLE t SPLIT COLUMN c INTO (a type [NOT NULL] USING expression, ...)");
        }

        var targets = new List<SplitTarget>();
        var depth = 0;
        var from = split + 5;
        for (var i = from; i < all.Count; i++)
        {
            var text = all[i].Text(sql);
            depth += text is "(" ? 1 : text is ")" ? -1 : 0;
            if ((depth == 0 && text is ",") || depth < 0)
            {
                targets.Add(Target(sql, all, from, i, at));
                from = i + 1;
            }
        }

        var down = directives.DownUsing ?? throw new MigrationFileException(at,
            "SPLIT COLUMN needs `-- ratchet:down-using <expression>` above it: the old column's value from the new ones, for old code");
        return new SplitColumnOnline { TableName = table, Column = column, Into = targets, DownUsing = down };
    }

    private static SplitTarget Target(string sql, List<SqlToken> tokens, int from, int to, SourceLocation at)
    {
        var usingAt = Enumerable.Range(from, to - from).FirstOrDefault(i => tokens[i].IsWord(sql, "USING"), -1);
        if (to - from < 3 || usingAt < 0)
        {
            throw new MigrationFileException(at, "each SPLIT COLUMN target reads: name type [NOT NULL] USING expression");
        }

        var definition = sql[tokens[from].Start..tokens[usingAt - 1].End];
        var expression = sql[tokens[usingAt + 1].Start..tokens[to - 1].End];
        var parsed = SqlParser.Parse(new SqlStatement($"ALTER TABLE t ADD COLUMN {definition}", 1));
        var column = parsed.Parts.OfType<OperationPart>().Select(p => p.Operation).OfType<AddColumnOperation>().FirstOrDefault()?.Column
            ?? throw new MigrationFileException(at, $"SPLIT COLUMN target `{definition}` is not a column definition");
        return new SplitTarget(column.Name, column.Type, column.Nullable, expression);
    }

    private static string Name(string sql, SqlToken token)
    {
        var text = token.Text(sql).ToString();
        return token.Kind == SqlTokenKind.QuotedIdentifier ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text is "." ? "." : text.ToLowerInvariant();
    }

    private static MigrationFileException NotOnline(SourceLocation at, string sql, string? why) => new(at,
        $"`{SqlParser.Short(sql)}` cannot run online{(why is null ? "" : $" ({why})")}; an online revision takes: ADD COLUMN, ALTER COLUMN ... TYPE, " +
        "ALTER COLUMN ... SET NOT NULL, RENAME COLUMN, DROP COLUMN, SPLIT COLUMN, ADD CONSTRAINT (FOREIGN KEY, UNIQUE, CHECK), CREATE INDEX, DROP INDEX, " +
        "CREATE TYPE ... AS ENUM");
}
