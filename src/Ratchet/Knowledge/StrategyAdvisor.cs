using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Safety;
using Ratchet.Safety.Parsing;

namespace Ratchet.Knowledge;

/// <summary>
/// Derives a revision's strategy and rollback approach from what it does (its operations, as lint reads them) and from
/// its lint findings: drops make it destructive; VALIDATE, USING INDEX or a concurrent build make it one phase of a
/// multi-phase change; row changes make it a data migration; only additions with no lock finding make it add-only;
/// anything else is an in-place change.
/// </summary>
public static class StrategyAdvisor
{
    /// <summary>The advice for one revision, given its lint findings.</summary>
    public static RevisionAdvice For(Revision revision, IReadOnlyList<LintFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(findings);
        if (revision.Up is Online.OnlineScript online)
        {
            // Planned into start (expand) and complete (contract); abort undoes start; the down is planned from the catalogs.
            return new RevisionAdvice
            {
                Strategy = MigrationStrategy.ExpandContract,
                Because = [.. online.Operations.Select(o => o.Describe())],
                Rollback = RollbackApproach.Derived,
                Risks = findings,
            };
        }

        var parts = RevisionParts.Of(revision).SelectMany(s => s.Parsed.Parts).ToList();
        var because = new List<string>();
        var drops = parts.Select(Drop).OfType<string>().ToList();
        var phases = parts.Select(Phase).OfType<string>().ToList();
        var rows = parts.OfType<RowsPart>().Select(r => $"{r.Verb} {r.Table}{(r.HasWhere ? "" : " (every row)")}").Distinct().ToList();
        var blocking = findings.Where(f => f.SuppressedBecause is null && f.Severity == Severity.Error).ToList();
        MigrationStrategy strategy;
        if (drops.Count > 0)
        {
            strategy = MigrationStrategy.Destructive;
            because.AddRange(drops);
        }
        else if (phases.Count > 0)
        {
            strategy = MigrationStrategy.MultiPhase;
            because.AddRange(phases);
        }
        else if (rows.Count > 0)
        {
            strategy = MigrationStrategy.DataMigration;
            because.AddRange(rows);
        }
        else if (blocking.Count == 0 && parts.All(Additive))
        {
            strategy = MigrationStrategy.AddOnly;
            because.AddRange(parts.Select(Describe).OfType<string>().Distinct());
        }
        else
        {
            strategy = MigrationStrategy.InPlace;
            because.AddRange(parts.Select(Describe).OfType<string>().Distinct());
        }

        var rollback = revision.Down is null ? RollbackApproach.Irreversible
            : revision.DownDerived ? RollbackApproach.Derived
            : RollbackApproach.Written;
        return new RevisionAdvice { Strategy = strategy, Because = because, Rollback = rollback, Risks = findings };
    }

    private static string? Drop(StatementPart part) => part switch
    {
        OperationPart { Operation: DropTableOperation o } => $"drops table {o.Name}",
        OperationPart { Operation: DropColumnOperation o } => $"drops column {o.Table}.{o.Name}",
        TruncatePart t => $"truncates {string.Join(", ", t.Tables)}",
        RowsPart { Verb: "DELETE", HasWhere: false } r => $"deletes every row of {r.Table}",
        DropObjectPart { Kind: "SCHEMA" or "DATABASE" } d => $"drops {d.Kind.ToLowerInvariant()} {d.Name}",
        _ => null,
    };

    private static string? Phase(StatementPart part) => part switch
    {
        OperationPart { Operation: ValidateConstraintOperation o } => $"validates {o.Name} on {o.Table} (added NOT VALID earlier)",
        OperationPart { Operation: AddConstraintOperation o, UsingIndex: { } index } => $"attaches index {index} as {o.Constraint.Name}",
        OperationPart { Operation: AddConstraintOperation { NotValid: true } o } => $"adds {o.Constraint.Name} NOT VALID (validated later)",
        OperationPart { Operation: CreateIndexOperation { Concurrently: true } o } => $"builds index {o.Name} concurrently",
        OperationPart { Operation: DropIndexOperation { Concurrently: true } o } => $"drops index {o.Name} concurrently",
        _ => null,
    };

    private static bool Additive(StatementPart part) => part switch
    {
        OperationPart { Operation: CreateTableOperation or CreateIndexOperation or CreateEnumOperation or AddEnumValueOperation } => true,
        OperationPart { Operation: AddColumnOperation o } => o.Column.Nullable || o.Column.Default is not null,
        OperationPart { Operation: AddConstraintOperation { NotValid: true } } => true,
        CreatedTablePart or OtherPart or SettingPart => true,
        _ => false,
    };

    private static string? Describe(StatementPart part) => part switch
    {
        OperationPart o => o.Operation switch
        {
            CreateTableOperation c => $"creates table {c.Name}",
            CreateIndexOperation c => $"creates index {c.Name} on {c.Table}",
            AddColumnOperation c => $"adds column {c.Table}.{c.Column.Name}",
            AlterColumnOperation c => $"alters column {c.Table}.{c.Name}",
            AddConstraintOperation c => $"adds {c.Constraint.Name} to {c.Table}",
            DropConstraintOperation c => $"drops constraint {c.Name} of {c.Table}",
            RenameColumnOperation c => $"renames {c.Table}.{c.Name} to {c.NewName}",
            RenameTableOperation c => $"renames table {c.Name} to {c.NewName}",
            CreateEnumOperation c => $"creates enum {c.Name}",
            AddEnumValueOperation c => $"adds enum value {c.Enum}.{c.Value}",
            DropIndexOperation c => $"drops index {c.Name}",
            _ => o.Operation.Describe(),
        },
        CreatedTablePart c => $"creates table {c.Table}",
        _ => null,
    };
}
