using System.Text;
using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT035: an identifier longer than the engine keeps (PostgreSQL 63 bytes, MySQL 64 characters).</summary>
internal sealed class Rat035LongIdentifier : LintRule
{
    public override string Id => "RAT035";

    public override Severity Severity => Severity.Info;

    public override string Title => "identifier longer than the engine allows";

    public override string Fix => "shorten it";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres || target.IsMySql;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        var madeUp = context.Part is OperationPart o ? o.MadeUpNames : [];
        foreach (var name in Names(context.Part).Where(n => !madeUp.Contains(n) && (context.Target.IsPostgres ? Encoding.UTF8.GetByteCount(n) > 63 : n.Length > 64)))
        {
            yield return new(context.Target.IsPostgres
                ? $"'{name}' is {Encoding.UTF8.GetByteCount(name)} bytes: PostgreSQL cuts it to 63 bytes without an error, so two such names can collide"
                : $"'{name}' is {name.Length} characters: MySQL refuses identifiers over 64");
        }
    }

    /// <summary>
    /// The names the statement writes. A constraint or index left unnamed gets a name the engine makes up and shortens
    /// to fit: the parser's stand-ins for those are not checked.
    /// </summary>
    private static IEnumerable<string> Names(StatementPart part) => part switch
    {
        OperationPart { Operation: CreateTableOperation o } => o.Columns.Select(c => c.Name).Concat(o.Constraints.Select(c => c.Name)).Prepend(o.Name),
        OperationPart { Operation: AddColumnOperation o } => [o.Column.Name],
        OperationPart { Operation: CreateIndexOperation o } => [o.Name],
        OperationPart { Operation: AddConstraintOperation o } => [o.Constraint.Name],
        OperationPart { Operation: RenameTableOperation o } => [o.NewName],
        OperationPart { Operation: RenameColumnOperation o } => [o.NewName],
        OperationPart { Operation: CreateEnumOperation o } => [o.Name],
        RenameObjectPart r => [r.NewName],
        _ => [],
    };
}
