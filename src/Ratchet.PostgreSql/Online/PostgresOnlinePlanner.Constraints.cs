using Ratchet.Online;

namespace Ratchet.PostgreSql.Online;

/// <summary>Constraints, indexes and enum types added or dropped online.</summary>
internal sealed partial class PostgresOnlinePlanner
{
    private async Task AddForeignKeyAsync(AddForeignKeyOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var p = await TableAsync(o.PrincipalTable, cancellationToken).ConfigureAwait(false);
        foreach (var column in o.Columns)
        {
            ColumnOf(t, column, o.Describe());
        }

        foreach (var column in o.PrincipalColumns)
        {
            ColumnOf(p, column, o.Describe());
        }

        var definition = $"FOREIGN KEY ({D.ColumnList(o.Columns)}) REFERENCES {p.Qualified} ({D.ColumnList(o.PrincipalColumns)})" +
            PostgresSqlGenerator.Action("DELETE", o.OnDelete) + PostgresSqlGenerator.Action("UPDATE", o.OnUpdate);
        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "foreign-key", $"add foreign key {o.Name} not valid (new and changed rows are checked from now on)",
            $"ALTER TABLE {t.Qualified} ADD CONSTRAINT {Q(o.Name)} {definition} NOT VALID");
        var joins = string.Join(" AND ", o.Columns.Zip(o.PrincipalColumns, (c, k) => $"p.{Q(k)} = c.{Q(c)}"));
        _plan.Add(OnlineStage.CompleteValidate, new OnlineStep
        {
            Key = "precheck", Kind = OnlineStepKind.Precheck, Description = $"no row of {t.Name} without its {p.Name}",
            Sql = [$"SELECT ROW({string.Join(", ", o.Columns.Select(c => "c." + Q(c)))})::text FROM {t.Qualified} c " +
                $"WHERE {string.Join(" AND ", o.Columns.Select(c => $"c.{Q(c)} IS NOT NULL"))} AND NOT EXISTS (SELECT 1 FROM {p.Qualified} p WHERE {joins}) LIMIT 5"],
            Failure = $"values of {t.Name}({string.Join(", ", o.Columns)}) with no row in {p.Name}",
        });
        _plan.Add(OnlineStage.CompleteValidate, OnlineStepKind.Gentle, "validate", $"validate {o.Name}", $"ALTER TABLE {t.Qualified} VALIDATE CONSTRAINT {Q(o.Name)}");
        _plan.Abort(OnlineStepKind.Exclusive, "foreign-key", $"drop foreign key {o.Name}", $"ALTER TABLE {t.Qualified} DROP CONSTRAINT IF EXISTS {Q(o.Name)}");
        _plan.Down(OnlineStepKind.Gentle, "foreign-key", $"drop foreign key {o.Name}", $"ALTER TABLE {t.Qualified} DROP CONSTRAINT {Q(o.Name)}");
    }

    private async Task AddUniqueAsync(AddUniqueOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var index = $"{Q(t.Schema)}.{Q(o.Name)}";
        UniqueIndex(t, o.Name, o.Columns, null, null, o.Describe());
        _plan.Add(OnlineStage.CompleteSwap, OnlineStepKind.Exclusive, "attach", $"make index {o.Name} the unique constraint {o.Name}",
            $"ALTER TABLE {t.Qualified} ADD CONSTRAINT {Q(o.Name)} UNIQUE USING INDEX {Q(o.Name)}");
        _plan.Abort(OnlineStepKind.Exclusive, "constraint", $"drop constraint {o.Name}", $"ALTER TABLE {t.Qualified} DROP CONSTRAINT IF EXISTS {Q(o.Name)}");
        _plan.Abort(OnlineStepKind.Concurrent, "index", $"drop index {o.Name}", $"DROP INDEX CONCURRENTLY IF EXISTS {index}");
        _plan.Down(OnlineStepKind.Gentle, "constraint", $"drop constraint {o.Name}", $"ALTER TABLE {t.Qualified} DROP CONSTRAINT {Q(o.Name)}");
    }

    private async Task AddCheckAsync(AddCheckOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "check", $"add check {o.Name} not valid (new and changed rows are checked from now on)",
            $"ALTER TABLE {t.Qualified} ADD CONSTRAINT {Q(o.Name)} CHECK ({o.Expression}) NOT VALID");
        _plan.Add(OnlineStage.CompleteValidate, new OnlineStep
        {
            Key = "precheck", Kind = OnlineStepKind.Precheck, Description = $"every row of {t.Name} passes {o.Name}",
            Sql = [$"SELECT {RowKey(t)} FROM {t.Qualified} WHERE NOT ({o.Expression}) LIMIT 5"],
            Failure = $"rows of {t.Name} that fail check {o.Name} ({o.Expression})",
        });
        _plan.Add(OnlineStage.CompleteValidate, OnlineStepKind.Gentle, "validate", $"validate {o.Name}", $"ALTER TABLE {t.Qualified} VALIDATE CONSTRAINT {Q(o.Name)}");
        _plan.Abort(OnlineStepKind.Exclusive, "check", $"drop check {o.Name}", $"ALTER TABLE {t.Qualified} DROP CONSTRAINT IF EXISTS {Q(o.Name)}");
        _plan.Down(OnlineStepKind.Gentle, "check", $"drop check {o.Name}", $"ALTER TABLE {t.Qualified} DROP CONSTRAINT {Q(o.Name)}");
    }

    private async Task CreateIndexAsync(CreateIndexOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var index = $"{Q(t.Schema)}.{Q(o.Name)}";
        if (o.Unique)
        {
            UniqueIndex(t, o.Name, o.Columns, o.Where, o.Method, o.Describe());
        }
        else
        {
            _plan.Add(OnlineStage.StartDdl, new OnlineStep
            {
                Key = "index", Kind = OnlineStepKind.Concurrent, Index = index, Description = $"build index {o.Name} concurrently",
                Sql = [IndexSql(t, o.Name, o.Columns, false, o.Where, o.Method)],
            });
        }

        _plan.Abort(OnlineStepKind.Concurrent, "index", $"drop index {o.Name}", $"DROP INDEX CONCURRENTLY IF EXISTS {index}");
        _plan.Down(OnlineStepKind.Concurrent, "index", $"drop index {o.Name}", $"DROP INDEX CONCURRENTLY IF EXISTS {index}");
    }

    private async Task DropIndexAsync(DropIndexOnline o, CancellationToken cancellationToken)
    {
        using var command = new Npgsql.NpgsqlCommand("""
            SELECT format('%I.%I', n.nspname, c.relname), pg_get_indexdef(c.oid),
                   EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = c.oid AND k.contype IN ('p', 'u', 'x'))
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = to_regclass($1) AND c.relkind = 'i'
            """, _connection) { Parameters = { new() { Value = o.Name.Contains('.', StringComparison.Ordinal) ? o.Name : Q(o.Name) } } };
        string qualified, definition;
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw Refused($"there is no index {o.Name}");
            }

            if (reader.GetBoolean(2))
            {
                throw Refused($"index {o.Name} backs a constraint; drop the constraint instead");
            }

            (qualified, definition) = (reader.GetString(0), reader.GetString(1));
        }

        _plan.Add(OnlineStage.CompleteSwap, OnlineStepKind.Concurrent, "drop-index", $"drop index {o.Name} concurrently (at complete: old code may still use it)",
            $"DROP INDEX CONCURRENTLY IF EXISTS {qualified}");
        _plan.Down(OnlineStepKind.Concurrent, "index", $"build index {o.Name} again, concurrently",
            definition.Replace("CREATE INDEX ", "CREATE INDEX CONCURRENTLY IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ", StringComparison.Ordinal));
    }

    private Task CreateEnumAsync(CreateEnumOnline o)
    {
        var name = o.Name.Contains('.', StringComparison.Ordinal) ? string.Join('.', o.Name.Split('.').Select(Q)) : Q(o.Name);
        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "enum", $"create type {o.Name}",
            $"CREATE TYPE {name} AS ENUM ({string.Join(", ", o.Values.Select(D.StringLiteral))})");
        _plan.Abort(OnlineStepKind.Exclusive, "enum", $"drop type {o.Name}", $"DROP TYPE IF EXISTS {name}");
        _plan.Down(OnlineStepKind.Gentle, "enum", $"drop type {o.Name}", $"DROP TYPE {name}");
        return Task.CompletedTask;
    }

    /// <summary>A pre-check for duplicates, then a concurrent unique build.</summary>
    private void UniqueIndex(OnlineTableFacts t, string name, IReadOnlyList<string> columns, string? where, string? method, string what)
    {
        foreach (var column in columns)
        {
            ColumnOf(t, column, what);
        }

        var list = D.ColumnList(columns);
        _plan.Add(OnlineStage.StartDdl, new OnlineStep
        {
            Key = "precheck", Kind = OnlineStepKind.Precheck, Description = $"no duplicate ({string.Join(", ", columns)}) in {t.Name}",
            Sql = [$"SELECT ROW({list})::text || ' x' || count(*) FROM {t.Qualified} WHERE {string.Join(" AND ", columns.Select(c => $"{Q(c)} IS NOT NULL"))}" +
                $"{(where is null ? "" : $" AND ({where})")} GROUP BY {list} HAVING count(*) > 1 LIMIT 5"],
            Failure = $"duplicate values of {t.Name}({string.Join(", ", columns)})",
        });
        _plan.Add(OnlineStage.StartDdl, new OnlineStep
        {
            Key = "index", Kind = OnlineStepKind.Concurrent, Index = $"{Q(t.Schema)}.{Q(name)}", Description = $"build unique index {name} concurrently",
            Sql = [IndexSql(t, name, columns, true, where, method)],
        });
    }

    private static string IndexSql(OnlineTableFacts t, string name, IReadOnlyList<string> columns, bool unique, string? where, string? method) =>
        $"CREATE {(unique ? "UNIQUE " : "")}INDEX CONCURRENTLY IF NOT EXISTS {Q(name)} ON {t.Qualified}{(method is null ? "" : $" USING {method}")} " +
        $"({D.ColumnList(columns)}){(where is null ? "" : $" WHERE {where}")}";
}
