using Ratchet.Engines;
using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Safety;
using Ratchet.Safety.Parsing;

namespace Ratchet.Verification.Integrity;

/// <summary>
/// The integrity work implied by a revision's up, from its typed operations or its parsed SQL: the pre-checks to run
/// before the statements that add constraints to tables that already hold data, and the tables whose row counts to
/// report. Tables the revision creates have no data to check; NOT VALID constraints and constraints added USING an
/// existing index do not check existing rows.
/// </summary>
public static class IntegrityPlanner
{
    /// <summary>How many offending rows a failed pre-check shows.</summary>
    public const int Shown = 5;

    /// <summary>The pre-checks and touched tables of a revision's up.</summary>
    public static (IReadOnlyList<PreCheck> Checks, IReadOnlyList<string> Touched) Plan(Revision revision, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(dialect);
        var checks = new List<PreCheck>();
        var touched = new List<string>();
        var created = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (index, parts) in Statements(revision, dialect))
        {
            foreach (var part in parts)
            {
                switch (part)
                {
                    case OperationPart { Operation: CreateTableOperation o }:
                        created.Add(o.Name);
                        continue;
                    case CreatedTablePart c:
                        created.Add(c.Table);
                        continue;
                }

                if (Table(part) is { } table && !created.Contains(table) && !touched.Contains(table, StringComparer.OrdinalIgnoreCase))
                {
                    touched.Add(table);
                }

                checks.AddRange(Checks(part, index, dialect).Where(c => !created.Contains(c.Table)));
            }
        }

        return (checks, touched);
    }

    /// <summary>Each rendered statement's index with the parts it came from.</summary>
    private static IEnumerable<(int Index, IReadOnlyList<StatementPart> Parts)> Statements(Revision revision, SqlDialect dialect)
    {
        switch (revision.Up)
        {
            case SqlScript sql:
                for (var i = 0; i < sql.Statements.Count; i++)
                {
                    yield return (i, SqlParser.Parse(sql.Statements[i], revision.Source.File).Parts);
                }

                break;
            case OperationScript typed:
                var at = 0;
                foreach (var (operation, count) in typed.RenderEach(dialect))
                {
                    var parts = RevisionParts.Of(revision with { Up = new OperationScript([operation], new EnumCatalog()) }).SelectMany(s => s.Parsed.Parts).ToList();
                    yield return (at, parts);
                    at += count;
                }

                break;
        }
    }

    private static string? Table(StatementPart part) => part switch
    {
        OperationPart { Operation: AddColumnOperation o } => o.Table,
        OperationPart { Operation: DropColumnOperation o } => o.Table,
        OperationPart { Operation: AlterColumnOperation o } => o.Table,
        OperationPart { Operation: AddConstraintOperation o } => o.Table,
        OperationPart { Operation: CreateIndexOperation o } => o.Table,
        OperationPart { Operation: RenameColumnOperation o } => o.Table,
        OperationPart { Operation: UpdateOperation o } => o.Table,
        RowsPart r => r.Table,
        TruncatePart t => t.Tables[0],
        _ => null,
    };

    private static IEnumerable<PreCheck> Checks(StatementPart part, int index, SqlDialect d)
    {
        string Q(string name) => name.StartsWith('(') ? name : d.QuoteIdentifier(name);
        string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(Q));
        PreCheck Check(string table, string constraint, string problem, string query) => new()
        {
            Statement = index, Table = table, Constraint = constraint, Problem = problem, Query = query,
        };

        IEnumerable<PreCheck> Unique(string table, string name, IReadOnlyList<string> columns, string? where)
        {
            if (columns.Count == 0)
            {
                yield break;
            }

            var notNull = string.Join(" AND ", columns.Select(c => $"{Q(c)} IS NOT NULL"));
            yield return Check(table, $"unique {name} ({string.Join(", ", columns)})", "duplicate values",
                $"SELECT {Columns(columns)}, count(*) FROM {Q(table)} WHERE {notNull}{(where is null ? "" : $" AND ({where})")} " +
                $"GROUP BY {Columns(columns)} HAVING count(*) > 1 LIMIT {Shown}");
        }

        PreCheck NotNull(string table, string constraint, IReadOnlyList<string> columns) =>
            Check(table, constraint, "NULLs", $"SELECT * FROM {Q(table)} WHERE {string.Join(" OR ", columns.Select(c => $"{Q(c)} IS NULL"))} LIMIT {Shown}");

        switch (part)
        {
            case OperationPart { Operation: CreateIndexOperation { Unique: true } o }:
                foreach (var check in Unique(o.Table, o.Name, o.Columns, o.Where))
                {
                    yield return check;
                }

                break;
            case OperationPart { Operation: AddConstraintOperation { NotValid: false } o, UsingIndex: null }:
                switch (o.Constraint)
                {
                    case UniqueConstraint u:
                        foreach (var check in Unique(o.Table, u.Name, u.Columns, null))
                        {
                            yield return check;
                        }

                        break;
                    case PrimaryKeyConstraint p when p.Columns.Count > 0:
                        yield return NotNull(o.Table, $"primary key {p.Name} ({string.Join(", ", p.Columns)})", p.Columns);
                        foreach (var check in Unique(o.Table, p.Name, p.Columns, null))
                        {
                            yield return check;
                        }

                        break;
                    case ForeignKeyConstraint f when f.References.PrincipalColumns.Count == f.Columns.Count:
                        var join = string.Join(" AND ", f.Columns.Select((c, k) => $"p.{Q(f.References.PrincipalColumns[k])} = c.{Q(c)}"));
                        yield return Check(o.Table, $"foreign key {f.Name} ({string.Join(", ", f.Columns)}) references {f.References.PrincipalTable}", "rows without a parent",
                            $"SELECT {string.Join(", ", f.Columns.Select(c => "c." + Q(c)))} FROM {Q(o.Table)} c WHERE {string.Join(" AND ", f.Columns.Select(c => $"c.{Q(c)} IS NOT NULL"))} " +
                            $"AND NOT EXISTS (SELECT 1 FROM {Q(f.References.PrincipalTable)} p WHERE {join}) LIMIT {Shown}");
                        break;
                    case CheckConstraint c:
                        yield return Check(o.Table, $"check {c.Name} ({c.Expression})", "rows that fail it",
                            $"SELECT * FROM {Q(o.Table)} WHERE NOT ({c.Expression}) LIMIT {Shown}");
                        break;
                }

                break;
            case OperationPart { Operation: AlterColumnOperation { Nullable: false } o }:
                yield return NotNull(o.Table, $"NOT NULL on {o.Name}", [o.Name]);
                break;
            case OperationPart { Operation: AddColumnOperation o } when !o.Column.Nullable && o.Column.Default is null
                && (part is not OperationPart { Columns: [{ Identity: not null } or { Generated: not null }] }):
                yield return Check(o.Table, $"NOT NULL column {o.Column.Name} without a default", "rows (each would get NULL)",
                    $"SELECT * FROM {Q(o.Table)} LIMIT {Shown}");
                break;
        }
    }
}
