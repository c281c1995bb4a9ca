using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT036: a statement (or part of one) the parser could not read: its hazards are not checked.</summary>
internal sealed class Rat036Unreadable : LintRule
{
    public override string Id => "RAT036";

    public override Severity Severity => Severity.Warning;

    public override string Title => "a statement the parser could not read";

    public override string Fix => "rewrite it in a form the parser reads, or suppress with `-- ratchet:ignore RAT036 <why it is safe>`";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is UnreadablePart u)
        {
            yield return new($"not checked: {u.Reason}");
        }
    }
}
