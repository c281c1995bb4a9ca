using System.Data.Common;
using Npgsql;
using Ratchet.Engines;
using Ratchet.Schema;

namespace Ratchet.PostgreSql;

/// <summary>
/// Reads the current schema (<c>current_schema()</c>) from PostgreSQL's catalogs: tables and columns (types by
/// <c>format_type</c>, defaults by <c>pg_get_expr</c>, identity, generated), constraints with their validated state,
/// indexes (partial, expression, method; not those behind constraints), enums, views, free-standing sequences,
/// triggers and comments. Ratchet's own tables are left out.
/// </summary>
internal static class PostgresSchemaReader
{
    /// <summary>
    /// The user's tables: every query filters on this subquery rather than on a list of oids sent by the client, whose
    /// planning cost grows with the number of tables.
    /// </summary>
    private const string UserTables = """
        (SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT (n.nspname = $1 AND c.relname = ANY ($2)))
        """;

    private const string Tables = $"""
        SELECT c.oid, c.relname, ds.description
        FROM pg_catalog.pg_class c
        LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = 0
        WHERE c.oid IN {UserTables}
        ORDER BY c.relname
        """;

    private const string Columns = $"""
        SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
               CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
               nullif(a.attidentity, ''), CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
               ds.description, owned.refobjid IS NOT NULL, a.attnum
        FROM pg_catalog.pg_attribute a
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = a.attnum
        LEFT JOIN (SELECT DISTINCT dep.refobjid, dep.refobjsubid FROM pg_catalog.pg_depend dep
                   JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S' WHERE dep.deptype = 'a') owned
               ON owned.refobjid = a.attrelid AND owned.refobjsubid = a.attnum
        WHERE a.attrelid IN {UserTables} AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """;

    private const string Constraints = $"""
        SELECT con.conrelid, con.conname, con.contype, con.convalidated,
               con.conkey,
               f.relname,
               CASE WHEN con.contype = 'f' THEN ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] END,
               con.confdeltype, con.confupdtype, pg_get_expr(con.conbin, con.conrelid)
        FROM pg_catalog.pg_constraint con LEFT JOIN pg_catalog.pg_class f ON f.oid = con.confrelid
        WHERE con.conrelid IN {UserTables} AND con.contype IN ('p', 'u', 'f', 'c')
        ORDER BY con.conrelid, con.conname
        """;

    private const string Indexes = $"""
        SELECT i.indrelid, ic.relname, i.indisunique, i.indisvalid, am.amname, pg_get_expr(i.indpred, i.indrelid),
               i.indkey::int2[],
               ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k, true) END
                     FROM generate_series(1, i.indnkeyatts) k ORDER BY k)::text[]
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        WHERE i.indrelid IN {UserTables}
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY ic.relname
        """;

    private const string Enums = """
        SELECT t.typname, ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[]
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = current_schema() AND t.typtype = 'e'
        ORDER BY t.typname
        """;

    private const string Views = "SELECT viewname, definition FROM pg_catalog.pg_views WHERE schemaname = current_schema() ORDER BY viewname";

    private const string Sequences = """
        SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'S'
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
        ORDER BY c.relname
        """;

    private const string Triggers = $"""
        SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid)
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND t.tgrelid IN {UserTables}
        ORDER BY t.tgname
        """;

    private const string Functions = """
        SELECT p.oid::regprocedure::text, pg_get_functiondef(p.oid)
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        ORDER BY 1
        """;

    /// <summary>Reads the schema with one round trip: every catalog query goes in one batch.</summary>
    public static async Task<SchemaModel> ReadAsync(NpgsqlConnection connection, string historySchema, CancellationToken cancellationToken)
    {
        string[] own = ["ratchet_history", "ratchet_log", "ratchet_schema", "ratchet_online"];
        string[] queries = [Tables, Columns, Constraints, Indexes, Triggers, Enums, Views, Sequences, Functions];
        using var batch = new NpgsqlBatch(connection);
        foreach (var sql in queries)
        {
            var command = new NpgsqlBatchCommand(sql);
            if (sql.Contains("$1", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = historySchema });
                command.Parameters.Add(new NpgsqlParameter { Value = own });
            }

            batch.BatchCommands.Add(command);
        }

        // Prepared, so a connection that reads the schema again (the stairway reads it three times per revision on a
        // pooled connection) skips planning the catalog queries, which costs about as much as running them.
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<List<object?[]>>(queries.Length);
        using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            do
            {
                results.Add(await ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false));
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        var (tables, columns, constraints, indexes, triggers) = (results[0], results[1].ToLookup(Oid), results[2].ToLookup(Oid), results[3].ToLookup(Oid), results[4]);
        return new SchemaModel
        {
            Tables = tables.Select(t => Table((string)t[1]!, (string?)t[2], columns[Oid(t)], constraints[Oid(t)].ToList(), indexes[Oid(t)])).ToList(),
            Enums = results[5].Select(e => new EnumModel((string)e[0]!, (string[])e[1]!)).ToList(),
            Views = results[6].Select(v => new ViewModel((string)v[0]!, (string)v[1]!)).ToList(),
            Sequences = results[7].Select(s => new SequenceModel((string)s[0]!)).ToList(),
            Triggers = triggers.Select(t => new TriggerModel((string)t[0]!, (string)t[1]!, (string)t[2]!)).ToList(),
            Functions = results[8].Select(f => new FunctionModel((string)f[0]!, (string)f[1]!)).ToList(),
        };
    }

    private static uint Oid(object?[] row) => (uint)row[0]!;

    private static TableModel Table(string name, string? comment, IEnumerable<object?[]> columns, List<object?[]> own, IEnumerable<object?[]> indexes)
    {
        // Key and index columns come as attribute numbers; their names are in the table's columns.
        var names = columns.ToDictionary(c => (short)c[9]!, c => (string)c[1]!);
        string[] Named(object? numbers) => ((short[])numbers!).Select(n => names.GetValueOrDefault(n, $"#{n}")).ToArray();
        var primary = own.FirstOrDefault(c => (char)c[2]! == 'p');
        return new TableModel
        {
            Name = name,
            Comment = comment,
            Columns = columns.Select(c => new ColumnModel
            {
                Name = (string)c[1]!,
                Type = (string)c[2]!,
                Nullable = (bool)c[3]!,

                // serial: a nextval default of a sequence the column owns, whatever the sequence is called (it keeps its
                // name when the table is renamed).
                Default = IsSerial(c) ? null : (string?)c[4],
                Identity = c[5] is char identity ? (identity == 'a' ? "always" : "by default") : IsSerial(c) ? "serial" : null,
                Generated = (string?)c[6],
                Comment = (string?)c[7],
            }).ToList(),
            PrimaryKey = primary is null ? null : new KeyModel((string)primary[1]!, Named(primary[4])),
            UniqueConstraints = own.Where(c => (char)c[2]! == 'u').Select(c => new KeyModel((string)c[1]!, Named(c[4]))).ToList(),
            ForeignKeys = own.Where(c => (char)c[2]! == 'f').Select(c => new ForeignKeyModel
            {
                Name = (string)c[1]!,
                Columns = Named(c[4]),
                PrincipalTable = (string)c[5]!,
                PrincipalColumns = (string[])c[6]!,
                OnDelete = Action((char)c[7]!),
                OnUpdate = Action((char)c[8]!),
                Validated = (bool)c[3]!,
            }).ToList(),
            Checks = own.Where(c => (char)c[2]! == 'c').Select(c => new CheckModel((string)c[1]!, (string)c[9]!) { Validated = (bool)c[3]! }).ToList(),
            Indexes = indexes.Select(i => Index(i, names)).ToList(),
        };
    }

    private static bool IsSerial(object?[] column) =>
        column[8] is true && column[4] is string d && d.StartsWith("nextval(", StringComparison.Ordinal);

    private static IndexModel Index(object?[] row, Dictionary<short, string> names)
    {
        var expressions = (string?[])row[7]!;
        var columns = ((short[])row[6]!).Take(expressions.Length)
            .Select((n, k) => n == 0 ? $"({expressions[k]})" : names.GetValueOrDefault(n, $"#{n}")).ToList();
        var method = (string)row[4]!;
        return new IndexModel
        {
            Name = (string)row[1]!,
            Unique = (bool)row[2]!,
            Valid = (bool)row[3]!,
            Method = method == "btree" ? null : method,
            Where = (string?)row[5],
            Columns = columns,
        };
    }

    private static string Action(char code) => code switch
    {
        'a' => "NO ACTION",
        'r' => "RESTRICT",
        'c' => "CASCADE",
        'n' => "SET NULL",
        'd' => "SET DEFAULT",
        _ => code.ToString(),
    };

    private static async Task<List<object?[]>> ReadRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
