using System.Text.RegularExpressions;
using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>
/// RAT008: SET NOT NULL on an existing column: a full scan under ACCESS EXCLUSIVE on PostgreSQL, unless a validated
/// <c>CHECK (c IS NOT NULL)</c> proves it (PostgreSQL 12+); a rebuild on SQLite; a copy on MySQL.
/// </summary>
internal sealed partial class Rat008SetNotNull : LintRule
{
    public override string Id => "RAT008";

    public override Severity Severity => Severity.Error;

    public override string Title => "SET NOT NULL on an existing column";

    public override string Fix =>
        "ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID; backfill; VALIDATE CONSTRAINT in its own transaction; SET NOT NULL (PostgreSQL 12+ uses the check, no scan); drop the check";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is not OperationPart { Operation: AlterColumnOperation { Nullable: false } o } || !context.Existing(o.Table))
        {
            yield break;
        }

        var table = context.Facts.Table(o.Table);
        var column = table?.Column(o.Name);
        if (column is { Nullable: false })
        {
            yield break; // MySQL MODIFY restating NOT NULL
        }

        if (context.Target.IsPostgres && context.Target.AtLeast(12) && table is not null
            && table.Constraints.Any(k => k.Kind == 'c' && k.Validated && k.Expression is { } e && ProvesNotNull(e, o.Name)))
        {
            yield break;
        }

        yield return new(context.Target.IsSqlite
            ? $"SET NOT NULL on {o.Table}.{o.Name} rebuilds the table on SQLite (every row copied) and fails on the first NULL"
            : $"SET NOT NULL on {o.Table}.{o.Name} scans the whole table under an ACCESS EXCLUSIVE lock, and fails on the first NULL");
    }

    private static bool ProvesNotNull(string expression, string column) =>
        Regex.IsMatch(expression, $@"^\(*\s*""?{Regex.Escape(column)}""?\s+IS\s+NOT\s+NULL\s*\)*$", RegexOptions.IgnoreCase);
}
