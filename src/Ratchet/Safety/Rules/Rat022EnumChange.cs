using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>
/// RAT022: an enum value added not at the end (BEFORE / AFTER a value that is not the last), renamed or removed; ADD
/// VALUE inside a transaction on PostgreSQL before 12.
/// </summary>
internal sealed class Rat022EnumChange : LintRule
{
    public override string Id => "RAT022";

    public override Severity Severity => Severity.Warning;

    public override string Title => "enum value added not at the end, renamed or removed";

    public override string Fix => "append values at the end (in a revision of their own); use a lookup table for values that change";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres || target.IsMySql;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        switch (context.Part)
        {
            case OperationPart { Operation: AddEnumValueOperation { Before: { } before } o }:
                yield return new($"ADD VALUE '{o.Value}' BEFORE '{before}' changes the order of {o.Enum}'s values that running code may compare or sort by");
                break;
            case EnumValueAfterPart a when context.Facts.Enum(a.Enum) is not { } values || values.Count == 0 || values[^1] != a.After:
                yield return new($"ADD VALUE '{a.Value}' AFTER '{a.After}' puts it before the end of {a.Enum}: the order running code sees changes");
                break;
            case OperationPart { Operation: AddEnumValueOperation o } when context.Target.IsPostgres && !context.Target.AtLeast(12) && context.Transactional:
                yield return new($"ALTER TYPE {o.Enum} ADD VALUE cannot run inside a transaction on {context.Target}");
                break;
            case EnumValueRenamePart r:
                yield return new($"RENAME VALUE '{r.Value}' of {r.Enum}: running code that writes '{r.Value}' fails");
                break;
            case OperationPart { Operation: AlterColumnOperation { Type: { } type } o } when context.Target.IsMySql
                && context.Facts.Table(o.Table)?.Column(o.Name)?.Type is { } old && Removed(old, SchemaFacts.TypeName(type)) is { Count: > 0 } removed:
                yield return new($"MODIFY {o.Table}.{o.Name} removes enum value(s) {string.Join(", ", removed)}: rows holding them are changed, and MySQL copies the table");
                break;
        }
    }

    private static List<string> Removed(string oldType, string newType)
    {
        static List<string> Values(string type) => type.StartsWith("enum", StringComparison.OrdinalIgnoreCase)
            ? type[(type.IndexOf('(', StringComparison.Ordinal) + 1)..].TrimEnd(')').Split(',').Select(v => v.Trim().Trim('\'')).ToList()
            : [];
        var (before, after) = (Values(oldType), Values(newType));
        return before.Count == 0 || after.Count == 0 ? [] : before.Except(after, StringComparer.Ordinal).ToList();
    }
}
