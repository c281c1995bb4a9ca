using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>
/// RAT029: a foreign key whose referencing columns no index leads with (nor the primary key or a unique constraint),
/// counting indexes created anywhere in the revision.
/// </summary>
internal sealed class Rat029ForeignKeyWithoutIndex : LintRule
{
    public override string Id => "RAT029";

    public override Severity Severity => Severity.Warning;

    public override string Title => "foreign key without an index on the referencing columns";

    public override string Fix => "index the referencing columns (CONCURRENTLY on an existing table)";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres || target.IsSqlite;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        var (table, keys) = context.Part switch
        {
            OperationPart { Operation: AddConstraintOperation { Constraint: ForeignKeyConstraint f } o } => (o.Table, (IReadOnlyList<ForeignKeyConstraint>)[f]),
            OperationPart { Operation: CreateTableOperation o } => (o.Name, o.Constraints.OfType<ForeignKeyConstraint>().ToList()),
            _ => (null, []),
        };
        if (table is null)
        {
            yield break;
        }

        var created = context.Part is OperationPart { Operation: CreateTableOperation create } ? create : null;
        foreach (var fk in keys)
        {
            if (!Indexed(context, table, fk.Columns, created))
            {
                yield return new($"foreign key {fk.Name} ({string.Join(", ", fk.Columns)}) of {table} has no index: every DELETE or key UPDATE on {fk.References.PrincipalTable} scans {table}");
            }
        }
    }

    private static bool Indexed(LintStep context, string table, IReadOnlyList<string> columns, CreateTableOperation? created)
    {
        bool Leads(IReadOnlyList<string> keys) => keys.Count >= columns.Count && keys.Take(columns.Count).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(columns);
        if (context.Facts.Table(table) is { } known && known.IsIndexedBy(columns))
        {
            return true;
        }

        if (created is not null && created.Constraints.Any(k => k is PrimaryKeyConstraint p && Leads(p.Columns) || k is UniqueConstraint u && Leads(u.Columns)))
        {
            return true;
        }

        return context.Later().Concat(context.Earlier()).Any(p => p switch
        {
            OperationPart { Operation: CreateIndexOperation i } => SchemaFacts.Same(i.Table, table) && i.Where is null && Leads(i.Columns),
            OperationPart { Operation: AddConstraintOperation { Constraint: PrimaryKeyConstraint k } a } => SchemaFacts.Same(a.Table, table) && Leads(k.Columns),
            OperationPart { Operation: AddConstraintOperation { Constraint: UniqueConstraint k } a } => SchemaFacts.Same(a.Table, table) && Leads(k.Columns),
            _ => false,
        });
    }
}
