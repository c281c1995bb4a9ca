using System.Text.RegularExpressions;
using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT016: ALTER COLUMN TYPE on a column that CHECK constraints or indexes use (PostgreSQL).</summary>
internal sealed class Rat016TypeChangeWithChecksOrIndexes : LintRule
{
    public override string Id => "RAT016";

    public override Severity Severity => Severity.Warning;

    public override string Title => "ALTER COLUMN TYPE on a column with CHECK constraints or indexes";

    public override string Fix => "drop the check or index, change the type, re-add the check NOT VALID and VALIDATE it, rebuild the index CONCURRENTLY";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is not OperationPart { Operation: AlterColumnOperation { Type: not null } o } || !context.Existing(o.Table)
            || context.Facts.Table(o.Table) is not { } table)
        {
            yield break;
        }

        var name = Regex.Escape(o.Name);
        var checks = table.Constraints.Where(k => k.Kind == 'c' && k.Expression is { } e && Regex.IsMatch(e, $@"(?<![\w""]){name}(?![\w""])|""{name}""", RegexOptions.IgnoreCase)).Select(k => k.Name);
        var indexes = table.Indexes.Where(i => i.Columns.Any(c => SchemaFacts.Same(c, o.Name) || Regex.IsMatch(c, $@"(?<![\w""]){name}(?![\w""])", RegexOptions.IgnoreCase))).Select(i => i.Name)
            .Concat(table.Constraints.Where(k => k.Kind is 'p' or 'u' && k.Columns.Contains(o.Name, StringComparer.OrdinalIgnoreCase)).Select(k => k.Name));
        var used = checks.Concat(indexes).ToList();
        if (used.Count > 0)
        {
            yield return new($"ALTER COLUMN {o.Table}.{o.Name} TYPE re-checks or rebuilds what uses the column ({string.Join(", ", used)}) under its ACCESS EXCLUSIVE lock, even without a table rewrite");
        }
    }
}
