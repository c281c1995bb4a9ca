using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Ratchet.Online;
using Ratchet.Operations;

namespace Ratchet.PostgreSql.Online;

/// <summary>
/// Plans an online revision on PostgreSQL from the live catalogs: each operation becomes steps of start (expand),
/// complete (contract), abort and down (docs/online.md). Temporary objects are named <c>_ratchet_...</c>; new code
/// reads and writes tables that change shape through views in the revision's version schema <c>rv_&lt;id&gt;</c>, and a
/// trigger on each such table, skipped by the backfill, keeps both shapes in step for writers of either version.
/// </summary>
internal sealed partial class PostgresOnlinePlanner
{
    private static readonly PostgresDialect D = PostgresDialect.Instance;
    private readonly NpgsqlConnection _connection;
    private readonly string _revisionId;
    private readonly OnlinePlanBuilder _plan = new();
    private readonly Dictionary<string, OnlineTableFacts> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShapeChange> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _added = new(StringComparer.Ordinal);
    private OnlineOperation _operation = null!;

    private PostgresOnlinePlanner(NpgsqlConnection connection, string revisionId)
    {
        _connection = connection;
        _revisionId = revisionId;
        VersionSchema = Limit("rv_" + Sanitize(revisionId));
    }

    /// <summary>How a table's view in the version schema differs from the table: its column list, by old column.</summary>
    private sealed record ShapeChange(OnlineTableFacts Table, Func<OnlineColumnFacts, string?> Column);

    private string VersionSchema { get; }

    /// <summary>Plans the operations, reading each table once.</summary>
    /// <exception cref="RatchetException">An operation cannot run online (bad input, exit 2), naming its line and why.</exception>
    public static async Task<OnlinePlan> PlanAsync(NpgsqlConnection connection, string revisionId, IReadOnlyList<OnlineOperation> operations,
        CancellationToken cancellationToken)
    {
        var planner = new PostgresOnlinePlanner(connection, revisionId);
        for (var i = 0; i < operations.Count; i++)
        {
            planner._plan.Operation = i + 1;
            planner._operation = operations[i];
            await planner.PlanAsync(operations[i], cancellationToken).ConfigureAwait(false);
        }

        return planner.Finish(operations);
    }

    private Task PlanAsync(OnlineOperation operation, CancellationToken cancellationToken) => operation switch
    {
        ChangeColumnTypeOnline o => ChangeTypeAsync(o, cancellationToken),
        RenameColumnOnline o => RenameAsync(o, cancellationToken),
        SplitColumnOnline o => SplitAsync(o, cancellationToken),
        DropColumnOnline o => DropColumnAsync(o, cancellationToken),
        AddColumnOnline o => AddColumnAsync(o, cancellationToken),
        SetNotNullOnline o => SetNotNullAsync(o, cancellationToken),
        AddForeignKeyOnline o => AddForeignKeyAsync(o, cancellationToken),
        AddUniqueOnline o => AddUniqueAsync(o, cancellationToken),
        AddCheckOnline o => AddCheckAsync(o, cancellationToken),
        CreateIndexOnline o => CreateIndexAsync(o, cancellationToken),
        DropIndexOnline o => DropIndexAsync(o, cancellationToken),
        CreateEnumOnline o => CreateEnumAsync(o),
        _ => throw new NotSupportedException($"no online plan for {operation.GetType().Name}"),
    };

    private OnlinePlan Finish(IReadOnlyList<OnlineOperation> operations)
    {
        var abortFirst = new List<OnlineStep>();
        string? schema = null;
        if (_shapes.Count > 0)
        {
            schema = VersionSchema;
            var statements = new List<string> { $"CREATE SCHEMA IF NOT EXISTS {Q(schema)}", $"GRANT USAGE ON SCHEMA {Q(schema)} TO PUBLIC" };
            foreach (var (table, shape) in _shapes)
            {
                var columns = shape.Table.Columns.Select(shape.Column).Where(c => c is not null)
                    .Concat(_added.GetValueOrDefault(table, []).Select(Q));
                var view = $"{Q(schema)}.{Q(shape.Table.Name)}";
                var invoker = _connection.PostgreSqlVersion.Major >= 15 ? " WITH (security_invoker = true)" : "";
                statements.Add($"CREATE OR REPLACE VIEW {view}{invoker} AS SELECT {string.Join(", ", columns)} FROM {shape.Table.Qualified}");
                statements.AddRange(shape.Table.Grants.Select(g => $"GRANT {g.Privilege} ON {view} TO {g.Grantee}"));
            }

            _plan.Operation = 0;
            _plan.Add(OnlineStage.StartViews, OnlineStepKind.Exclusive, "version-schema",
                $"create schema {schema} with a view per table that changes shape ({string.Join(", ", _shapes.Keys)}): new code sets search_path = {schema}, public",
                [.. statements]);
            _plan.Add(OnlineStage.CompleteAfter, OnlineStepKind.Exclusive, "drop-version-schema", $"drop schema {schema}",
                $"DROP SCHEMA IF EXISTS {Q(schema)} CASCADE");
            abortFirst.Add(new OnlineStep
            {
                Key = "op0.drop-version-schema", Kind = OnlineStepKind.Exclusive, Description = $"drop schema {schema}",
                Sql = [$"DROP SCHEMA IF EXISTS {Q(schema)} CASCADE"],
            });
        }

        return _plan.Build(_revisionId, [.. operations.Select(o => o.Describe())], schema, abortFirst);
    }

    private async Task<OnlineTableFacts> TableAsync(string name, CancellationToken cancellationToken)
    {
        if (!_tables.TryGetValue(name, out var table))
        {
            table = await OnlineTableFacts.ReadAsync(_connection, name, cancellationToken).ConfigureAwait(false) ?? throw Refused($"there is no table {name}");
            if (table.Kind is not ('r'))
            {
                throw Refused($"{name} is not an ordinary table (a partitioned table, view or foreign table cannot be changed online here)");
            }

            _tables[name] = table;
        }

        return table;
    }

    private static OnlineColumnFacts ColumnOf(OnlineTableFacts table, string column, string what) =>
        table.Column(column) ?? throw new RatchetException(RatchetErrorKind.BadInput, $"{what}: table {table.Name} has no column {column}");

    /// <summary>Records that the table changes shape for new code (one such operation per table and revision).</summary>
    private void Shape(OnlineTableFacts table, Func<OnlineColumnFacts, string?> column)
    {
        if (_shapes.ContainsKey(table.Name))
        {
            throw Refused($"table {table.Name} already changes shape in this revision (a type change, rename, split or drop of a column); " +
                "put each such change of a table in its own online revision");
        }

        _shapes[table.Name] = new ShapeChange(table, column);
    }

    private void Added(OnlineTableFacts table, string column)
    {
        if (!_added.TryGetValue(table.Name, out var list))
        {
            _added[table.Name] = list = [];
        }

        list.Add(column);
    }

    /// <summary>Refuses a column that views read, or (unless the operation handles it) an identity or generated column.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    /// <param name="identityMoves">The operation carries an identity over (a type change) or keeps the column as it is (a rename).</param>
    /// <param name="keepsValues">The column's values stay where they are (a rename): a generated column is fine.</param>
    private void RefuseDependents(OnlineTableFacts table, OnlineColumnFacts column, bool identityMoves = false, bool keepsValues = false)
    {
        var views = table.Views.Where(v => v.Column == column.Number || v.Column == 0).Select(v => v.View).Distinct().ToList();
        if (views.Count > 0)
        {
            throw Refused($"views read {table.Name}.{column.Name}: {string.Join(", ", views)}; drop them first (and create them again after complete)");
        }

        if (column.Identity && !identityMoves)
        {
            throw Refused($"{table.Name}.{column.Name} is an identity column; make it a column with a sequence default first " +
                "(ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY, then SET DEFAULT nextval(...))");
        }

        if (column.Generated && !keepsValues)
        {
            throw Refused($"{table.Name}.{column.Name} is a generated column; it cannot be changed online");
        }
    }

    private RatchetException Refused(string why) =>
        new(RatchetErrorKind.BadInput, $"{(_operation.Line > 0 ? $"line {_operation.Line}: " : "")}{_operation.Describe()}: {why}; nothing was run");

    /// <summary>A trigger function and its trigger on the table, skipped while the backfill writes.</summary>
    private (string[] Create, string DropTrigger, string DropFunction, string Name) Trigger(OnlineTableFacts table, string purpose, string newBody, string oldBody)
    {
        var name = ObjectName(table.Name, purpose);
        var function = $"{Q(table.Schema)}.{Q(name)}";
        var isNew = $"(',' || replace(replace(current_setting('search_path'), ' ', ''), '\"', '') || ',') LIKE {D.StringLiteral($"%,{VersionSchema},%")}";
        var body = newBody == oldBody ? newBody
            : newBody.Length == 0 ? $"IF NOT {isNew} THEN\n    {oldBody}\n  END IF;"
            : oldBody.Length == 0 ? $"IF {isNew} THEN\n    {newBody}\n  END IF;"
            : $"IF {isNew} THEN\n    {newBody}\n  ELSE\n    {oldBody}\n  END IF;";
        string[] create = [$"""
            CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $ratchet$
            BEGIN
              {body}
              RETURN NEW;
            END
            $ratchet$
            """, $"""
            CREATE TRIGGER {Q(name)} BEFORE INSERT OR UPDATE ON {table.Qualified} FOR EACH ROW
              WHEN (current_setting('ratchet.backfill', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION {function}()
            """];
        return (create, $"DROP TRIGGER IF EXISTS {Q(name)} ON {table.Qualified}", $"DROP FUNCTION IF EXISTS {function}()", name);
    }

    /// <summary>An expression over the row: each column of the table as <paramref name="prefix"/>"c", with <paramref name="map"/> first.</summary>
    private static string Over(OnlineTableFacts table, string sql, string prefix, Func<string, string?>? map = null) =>
        ColumnReferences.Rewrite(sql, name => map?.Invoke(name) is { } mapped ? prefix + mapped
            : table.Column(name) is not null ? prefix + Q(name) : null);

    private static string Cast(string sql, string type) => $"CAST(({sql}) AS {type})";

    private static BackfillSpec Backfill(OnlineTableFacts table, string assignments, string? filter) => new()
    {
        Table = table.Qualified,
        Display = table.Name,
        Key = [.. table.PrimaryKey.Select(Q)],
        KeyTypes = [.. table.PrimaryKey.Select(k => table.Column(k)!.Type)],
        Assignments = assignments,
        Filter = filter,
    };

    private static string Type(SqlType type) => PostgresSqlGenerator.Type(D, type);

    private static string Q(string identifier) => D.QuoteIdentifier(identifier);

    /// <summary>A temporary column's name: <c>_ratchet_new_&lt;column&gt;</c>, or a hash when that would pass 63 bytes.</summary>
    private string TemporaryColumn(string column) =>
        Encoding.UTF8.GetByteCount(New + column) <= 63 ? New + column : $"{New}{Hash(_revisionId, column)}";

    private string ObjectName(params string[] parts) => $"{OnlineStore.TemporaryPrefix}{Hash([_revisionId, .. parts])}_{Sanitize(parts[^1])}";

    private const string New = OnlineStore.TemporaryPrefix + "new_";

    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001', parts))))[..10];

    private static string Sanitize(string text)
    {
        var clean = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            clean.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        }

        return Limit(clean.ToString(), 30);
    }

    private static string Limit(string name, int length = 63) => name.Length <= length ? name : name[..length];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
