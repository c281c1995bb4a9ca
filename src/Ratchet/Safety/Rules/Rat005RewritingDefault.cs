using System.Text.RegularExpressions;
using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>
/// RAT005: ADD COLUMN with a default that forces a rewrite: any default before PostgreSQL 11 (and MySQL 8.0.12), a
/// volatile one after (random(), clock_timestamp(), gen_random_uuid(), ...; now() is stable and does not).
/// </summary>
internal sealed partial class Rat005RewritingDefault : LintRule
{
    public override string Id => "RAT005";

    public override Severity Severity => Severity.Error;

    public override string Title => "ADD COLUMN with a default that rewrites the table";

    public override string Fix => "add the column nullable without the default, SET DEFAULT for new rows, then backfill the old rows in batches";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres || target.IsMySql;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is not OperationPart { Operation: AddColumnOperation o } part || !context.Existing(o.Table))
        {
            yield break;
        }

        var written = (part.Columns.Count > 0 ? part.Columns[0] : null)?.Default ?? (o.Column.Default as ExpressionDefault)?.Sql ?? o.Column.Default?.ToString();
        if (written is null)
        {
            yield break;
        }

        var before = context.Target.IsPostgres ? !context.Target.AtLeast(11) : !context.Target.AtLeast(8, 0) || context.Target.Version < new Version(8, 0, 12);
        if (before)
        {
            yield return new($"ADD COLUMN {o.Table}.{o.Column.Name} with a default rewrites the whole table on {context.Target} under an ACCESS EXCLUSIVE lock");
        }
        else if (context.Target.IsPostgres && Volatile().IsMatch(written))
        {
            yield return new($"ADD COLUMN {o.Table}.{o.Column.Name} DEFAULT {written}: a volatile default is computed for every existing row, rewriting the table under an ACCESS EXCLUSIVE lock");
        }
    }

    [GeneratedRegex(@"\b(random|clock_timestamp|timeofday|gen_random_uuid|uuid_generate_v[14]|nextval|txid_current|statement_timestamp|setseed)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Volatile();
}
