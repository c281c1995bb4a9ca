using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>
/// RAT018: DROP TABLE, SCHEMA or DATABASE. A table the revision itself created, or the old table of a rebuild (a table
/// renamed onto its name later in the revision), is not flagged.
/// </summary>
internal sealed class Rat018DropTable : LintRule
{
    public override string Id => "RAT018";

    public override Severity Severity => Severity.Warning;

    public override string Title => "DROP TABLE / SCHEMA / DATABASE";

    public override string Fix => "check that it is empty or archived, and that no running app version uses it";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        switch (context.Part)
        {
            case OperationPart { Operation: DropTableOperation o } when context.Existing(o.Name) && !Rebuilt(context, o.Name):
                yield return new($"DROP TABLE {o.Name} loses every row it holds");
                break;
            case DropObjectPart { Kind: "SCHEMA" or "DATABASE" } d:
                yield return new($"DROP {d.Kind} {d.Name}{(d.Cascade ? " CASCADE" : "")} loses everything in it");
                break;
        }
    }

    /// <summary>A table dropped and then replaced by a table renamed onto its name: a rebuild, whose rows were copied.</summary>
    internal static bool Rebuilt(LintStep context, string table) =>
        context.Later().Any(p => p is OperationPart { Operation: RenameTableOperation r } && SchemaFacts.Same(r.NewName, table) && context.CreatedHere(r.Name));
}
