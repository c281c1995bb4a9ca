using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety;

/// <summary>The table lock a statement part takes on PostgreSQL, as far as the rules need to know it.</summary>
public static class Locks
{
    /// <summary>The table whose lock the part takes, and whether that lock blocks reads (ACCESS EXCLUSIVE) or only writes.</summary>
    public static (string Table, bool BlocksReads)? Taken(StatementPart part, SchemaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return part switch
        {
            OperationPart { Operation: CreateIndexOperation { Concurrently: false } o } => (o.Table, false),
            OperationPart { Operation: DropIndexOperation { Concurrently: false } o } => ((o.Table ?? facts.TableOfIndex(o.Name)?.Name) is { } t ? (t, true) : null),
            OperationPart { Operation: AddConstraintOperation { Constraint: ForeignKeyConstraint } o } => (o.Table, false),
            OperationPart { Operation: AddConstraintOperation o } => (o.Table, true),
            OperationPart { Operation: AddColumnOperation o } => (o.Table, true),
            OperationPart { Operation: DropColumnOperation o } => (o.Table, true),
            OperationPart { Operation: AlterColumnOperation o } => (o.Table, true),
            OperationPart { Operation: RenameColumnOperation o } => (o.Table, true),
            OperationPart { Operation: RenameTableOperation o } => (o.Name, true),
            OperationPart { Operation: DropConstraintOperation o } => (o.Table, true),
            OperationPart { Operation: DropTableOperation o } => (o.Name, true),
            TruncatePart t => (t.Tables[0], true),
            MaintenancePart { Verb: "VACUUM", Full: true, Target: { } t } => (t, true),
            MaintenancePart { Verb: "CLUSTER", Target: { } t } => (t, true),
            MaintenancePart { Verb: "REINDEX", Concurrently: false, Target: { } t } => (facts.TableOfIndex(t)?.Name ?? t, false),
            MaintenancePart { Verb: "DETACH PARTITION", Concurrently: false, Target: { } t } => (t, true),
            _ => null,
        };
    }
}
