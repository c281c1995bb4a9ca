using System.Data.Common;
using Ratchet.Engines;
using Ratchet.Schema;

namespace Ratchet.Verification.SampleData;

/// <summary>
/// How the rows of one table are made: which columns get values (not generated ones, not identity ALWAYS), which come
/// from a parent row (foreign keys: the referenced values read from the parent), and each column's domain.
/// </summary>
internal sealed class TablePlan
{
    private readonly Dictionary<string, (int ForeignKey, int Part)> _fromParent = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IReadOnlyList<string?[]>> _parents = [];
    private readonly Dictionary<string, ValueDomain> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _nullFirst = new(StringComparer.OrdinalIgnoreCase);

    private TablePlan(TableModel table) => Table = table;

    public TableModel Table { get; }

    /// <summary>The columns that get values, in insert order.</summary>
    public List<ColumnModel> Columns { get; } = [];

    /// <summary>Why no row can be made (a required parent without rows), or null.</summary>
    public string? Refusal { get; private set; }

    public static async Task<TablePlan> CreateAsync(IDatabaseEngine engine, DbConnection connection, DbTransaction transaction, SchemaModel schema, TableModel table,
        IReadOnlySet<ForeignKeyModel> deferred, IReadOnlyDictionary<(string Table, string Column), ValueDomain> hints, CancellationToken cancellationToken)
    {
        var plan = new TablePlan(table);
        plan.Columns.AddRange(table.Columns.Where(c => c.Generated is null && c.Identity != "always"));
        foreach (var check in table.Checks)
        {
            foreach (var (column, domain) in ValueDomains.FromCheck(check.Expression))
            {
                plan._domains[column] = plan._domains.TryGetValue(column, out var was) ? was.Merge(domain) : domain;
            }
        }

        foreach (var ((hintTable, column), domain) in hints.Where(h => string.Equals(h.Key.Table, table.Name, StringComparison.OrdinalIgnoreCase)))
        {
            plan._domains[column] = plan._domains.TryGetValue(column, out var was) ? was.Merge(domain) : domain;
        }

        var d = engine.Dialect;
        foreach (var fk in table.ForeignKeys)
        {
            var self = string.Equals(fk.PrincipalTable, table.Name, StringComparison.OrdinalIgnoreCase);
            var required = fk.Columns.Any(c => table.Column(c) is { Nullable: false });
            if (deferred.Contains(fk) || self)
            {
                if (required && !self)
                {
                    plan.Refusal = $"its foreign key to {fk.PrincipalTable} is part of a cycle of NOT NULL foreign keys";
                    return plan;
                }

                // A reference to a row of this table (or of a cycle): NULL, or a row already there.
                if (!required)
                {
                    plan._nullFirst.UnionWith(fk.Columns);
                    continue;
                }
            }

            var parents = new List<string?[]>();
            var sql = $"SELECT {string.Join(", ", fk.PrincipalColumns.Select(c => d.ValueAsText(d.QuoteIdentifier(c))))} FROM {d.QuoteIdentifier(fk.PrincipalTable)} " +
                $"WHERE {string.Join(" AND ", fk.PrincipalColumns.Select(c => d.QuoteIdentifier(c) + " IS NOT NULL"))}";
            using (var command = connection.Command(sql, transaction))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    parents.Add(Enumerable.Range(0, fk.PrincipalColumns.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray());
                }
            }

            if (parents.Count == 0)
            {
                if (required)
                {
                    plan.Refusal = $"it needs rows in {fk.PrincipalTable} (foreign key {string.Join(", ", fk.Columns)}), which has none";
                    return plan;
                }

                plan._nullFirst.UnionWith(fk.Columns);
                continue;
            }

            for (var part = 0; part < fk.Columns.Count; part++)
            {
                plan._fromParent[fk.Columns[part]] = (plan._parents.Count, part);
            }

            plan._parents.Add(parents);
        }

        return plan;
    }

    /// <summary>One row's values, as text, in the order of <see cref="Columns"/>.</summary>
    public string?[] Row(SqlDialect dialect, SchemaModel schema, int seed, long number, int index, int attempt)
    {
        var row = new string?[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            if (_fromParent.TryGetValue(column.Name, out var from))
            {
                var parents = _parents[from.ForeignKey];
                // Another stride per foreign key, so rows with two of them (a composite key of two parents) differ.
                var pick = (int)(((long)index * ((2 * from.ForeignKey) + 1)) + (index / parents.Count) + attempt) % parents.Count;
                row[c] = parents[pick][from.Part];
            }
            else if (_nullFirst.Contains(column.Name))
            {
                row[c] = null;
            }
            else if (attempt == Attempts - 1 && column.Nullable && !_domains.ContainsKey(column.Name) && !IsKey(column.Name))
            {
                row[c] = null;
            }
            else
            {
                row[c] = SampleValues.For(dialect, schema, column, c, number, attempt, seed, Table.Name, _domains.GetValueOrDefault(column.Name));
            }
        }

        return row;
    }

    private const int Attempts = 3;

    private bool IsKey(string column) =>
        Table.PrimaryKey?.Columns.Contains(column, StringComparer.OrdinalIgnoreCase) == true
        || Table.UniqueConstraints.Any(u => u.Columns.Contains(column, StringComparer.OrdinalIgnoreCase));
}
