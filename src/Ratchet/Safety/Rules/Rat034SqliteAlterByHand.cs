using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>
/// RAT034 (SQLite): an ALTER that SQLite cannot do in place, written by hand: an ALTER TABLE form SQLite rejects, or a
/// hand-made rebuild (a table dropped and another renamed onto its name) without <c>PRAGMA foreign_keys = OFF</c> before
/// it. Typed C# operations are rebuilt by Ratchet itself and are not flagged; Ratchet checks foreign keys before a
/// rebuild commits, so <c>PRAGMA foreign_key_check</c> is not required.
/// </summary>
internal sealed class Rat034SqliteAlterByHand : LintRule
{
    public override string Id => "RAT034";

    public override Severity Severity => Severity.Error;

    public override string Title => "an ALTER that SQLite cannot do in place, written by hand";

    public override string Fix =>
        "write the change as a typed C# operation (Ratchet rebuilds the table), or the 12-step rebuild with PRAGMA foreign_keys = OFF before it and PRAGMA foreign_key_check after";

    public override bool AppliesTo(LintTarget target) => target.IsSqlite;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (!context.Statement.FromSql)
        {
            yield break;
        }

        switch (context.Part)
        {
            case OperationPart { Operation: AlterColumnOperation o }:
                yield return new($"SQLite has no ALTER COLUMN: changing {o.Table}.{o.Name} needs the table rebuilt");
                break;
            case OperationPart { Operation: AddConstraintOperation o }:
                yield return new($"SQLite cannot add a constraint to an existing table ({o.Table}): the table must be rebuilt");
                break;
            case OperationPart { Operation: DropConstraintOperation o }:
                yield return new($"SQLite cannot drop a constraint of {o.Table}: the table must be rebuilt");
                break;
            case OperationPart { Operation: DropColumnOperation o } when context.Facts.Table(o.Table) is { } t
                && (t.Constraints.Any(k => k.Kind is 'p' or 'u' or 'f' && k.Columns.Contains(o.Name, StringComparer.OrdinalIgnoreCase))
                    || t.Indexes.Any(i => i.Columns.Contains(o.Name, StringComparer.OrdinalIgnoreCase))):
                yield return new($"SQLite cannot drop {o.Table}.{o.Name} in place: a key, unique constraint or index uses it, so the table must be rebuilt");
                break;
            case OperationPart { Operation: DropTableOperation o } when Rat018DropTable.Rebuilt(context, o.Name)
                && !context.Earlier().Any(p => p is PragmaPart { Name: "foreign_keys", Value: { } v } && v.Trim().ToUpperInvariant() is "OFF" or "0" or "FALSE" or "NO"):
                yield return new($"a hand-written rebuild of {o.Name} without PRAGMA foreign_keys = OFF first: dropping the old table fires ON DELETE actions and breaks foreign keys that point at it");
                break;
        }
    }
}
