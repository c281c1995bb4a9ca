using Npgsql;

namespace Ratchet.PostgreSql.Online;

/// <summary>A column of a table as the catalogs describe it.</summary>
/// <remarks><paramref name="IdentityKind"/>: <c>a</c> (GENERATED ALWAYS), <c>d</c> (BY DEFAULT), or a space when not an identity.</remarks>
internal sealed record OnlineColumnFacts(short Number, string Name, string Type, bool NotNull, string? Default, char IdentityKind, bool Generated, string? OwnedSequence)
{
    public bool Identity => IdentityKind is 'a' or 'd';
}

/// <summary>An index of a table: its definition, and the constraint it backs (primary key, unique, exclusion), if any.</summary>
internal sealed record OnlineIndexFacts(string Name, string Definition, bool Primary, string? Constraint, char ConstraintType, IReadOnlyList<short> Keys,
    string? Expressions, string? Predicate);

/// <summary>A check or foreign-key constraint on the table, or a foreign key of another table that references it.</summary>
internal sealed record OnlineConstraintFacts(string Name, char Type, string Definition, IReadOnlyList<short> Keys, IReadOnlyList<short> ReferencedKeys,
    string OnTable, string? ReferencedTable, bool Incoming);

/// <summary>What the online planner needs to know of one table, read from the catalogs at <c>start</c>.</summary>
internal sealed record OnlineTableFacts
{
    public required uint Oid { get; init; }

    public required string Schema { get; init; }

    public required string Name { get; init; }

    /// <summary>Schema-qualified and quoted.</summary>
    public required string Qualified { get; init; }

    public required char Kind { get; init; }

    public required IReadOnlyList<OnlineColumnFacts> Columns { get; init; }

    public required IReadOnlyList<OnlineIndexFacts> Indexes { get; init; }

    public required IReadOnlyList<OnlineConstraintFacts> Constraints { get; init; }

    /// <summary>Views that read the table, with the column numbers they use (0: the whole row).</summary>
    public required IReadOnlyList<(string View, short Column)> Views { get; init; }

    /// <summary>Privileges granted on the table to others than its owner (<c>grantee</c> quoted, or PUBLIC).</summary>
    public required IReadOnlyList<(string Grantee, string Privilege)> Grants { get; init; }

    public OnlineColumnFacts? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    public IReadOnlyList<string> PrimaryKey =>
        Indexes.FirstOrDefault(i => i.Primary) is { } pk ? [.. pk.Keys.Select(k => Columns.First(c => c.Number == k).Name)] : [];

    /// <summary>Reads a table, or returns null when there is none of that name.</summary>
    public static async Task<OnlineTableFacts?> ReadAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var d = PostgresDialect.Instance;
        var parts = table.Split('.', 2);
        var regclass = parts.Length == 2 ? $"{d.QuoteIdentifier(parts[0])}.{d.QuoteIdentifier(parts[1])}" : d.QuoteIdentifier(table);
        uint oid;
        string schema, name;
        char kind;
        using (var command = new NpgsqlCommand(
            "SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE c.oid = to_regclass($1)", connection) { Parameters = { new() { Value = regclass } } })
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (oid, schema, name, kind) = (reader.GetFieldValue<uint>(0), reader.GetString(1), reader.GetString(2), reader.GetChar(3));
        }

        var columns = await ListAsync(connection, """
            SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid),
                   CASE WHEN a.attidentity = '' THEN ' ' ELSE a.attidentity END, a.attgenerated <> '', pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)
            FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, oid, r => new OnlineColumnFacts(r.GetInt16(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), Text(r, 4), r.GetChar(5), r.GetBoolean(6),
                Text(r, 7)), cancellationToken).ConfigureAwait(false);
        var indexes = await ListAsync(connection, """
            SELECT ic.relname, pg_get_indexdef(i.indexrelid), i.indisprimary, con.conname, coalesce(con.contype, ' '), i.indkey::int2[],
                   pg_get_expr(i.indexprs, i.indrelid), pg_get_expr(i.indpred, i.indrelid)
            FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
            WHERE i.indrelid = $1 ORDER BY ic.relname
            """, oid, r => new OnlineIndexFacts(r.GetString(0), r.GetString(1), r.GetBoolean(2), Text(r, 3), r.GetChar(4), r.GetFieldValue<short[]>(5),
                Text(r, 6), Text(r, 7)), cancellationToken).ConfigureAwait(false);
        var constraints = await ListAsync(connection, """
            SELECT con.conname, con.contype, pg_get_constraintdef(con.oid), coalesce(con.conkey, '{}'), coalesce(con.confkey, '{}'),
                   con.conrelid::regclass::text, CASE WHEN con.confrelid = 0 THEN NULL ELSE con.confrelid::regclass::text END, con.conrelid <> $1
            FROM pg_catalog.pg_constraint con
            WHERE (con.conrelid = $1 AND con.contype IN ('c', 'f')) OR (con.confrelid = $1 AND con.conrelid <> $1 AND con.contype = 'f')
            ORDER BY con.conname
            """, oid, r => new OnlineConstraintFacts(r.GetString(0), r.GetChar(1), r.GetString(2), r.GetFieldValue<short[]>(3), r.GetFieldValue<short[]>(4),
                r.GetString(5), Text(r, 6), r.GetBoolean(7)), cancellationToken).ConfigureAwait(false);
        var views = await ListAsync(connection, """
            SELECT DISTINCT v.oid::regclass::text, dep.refobjsubid::int2
            FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_rewrite rw ON rw.oid = dep.objid JOIN pg_catalog.pg_class v ON v.oid = rw.ev_class
            WHERE dep.classid = 'pg_catalog.pg_rewrite'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = $1 AND v.oid <> $1
            """, oid, r => (r.GetString(0), r.GetInt16(1)), cancellationToken).ConfigureAwait(false);
        var grants = await ListAsync(connection, """
            SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, a.privilege_type
            FROM pg_catalog.pg_class c, aclexplode(c.relacl) a WHERE c.oid = $1 AND a.grantee <> c.relowner
            """, oid, r => (r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        return new OnlineTableFacts
        {
            Oid = oid, Schema = schema, Name = name, Qualified = $"{d.QuoteIdentifier(schema)}.{d.QuoteIdentifier(name)}", Kind = kind,
            Columns = columns, Indexes = indexes, Constraints = constraints, Views = views, Grants = grants,
        };
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static async Task<IReadOnlyList<T>> ListAsync<T>(NpgsqlConnection connection, string sql, uint oid, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid } } };
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(read(reader));
        }

        return list;
    }
}
