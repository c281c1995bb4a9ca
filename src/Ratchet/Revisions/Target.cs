using System.Globalization;

namespace Ratchet.Revisions;

/// <summary>
/// Where an upgrade or downgrade should go, as the user typed it: <c>head</c>, <c>heads</c>, <c>base</c>, a revision
/// id or unique prefix, a branch label, <c>+N</c>, <c>-N</c>, <c>label@head</c>, <c>label@base</c>, <c>rev@+N</c>,
/// <c>rev@-N</c>.
/// </summary>
public sealed record Target(TargetKind Kind, string Text, string? Revision = null, int Steps = 0)
{
    /// <summary>The single head.</summary>
    public static Target Head { get; } = new(TargetKind.Head, "head");

    /// <summary>Every head.</summary>
    public static Target Heads { get; } = new(TargetKind.Heads, "heads");

    /// <summary>Before the first revision.</summary>
    public static Target Base { get; } = new(TargetKind.Base, "base");

    /// <summary>Parses a target.</summary>
    /// <exception cref="TargetException">The text is not a target.</exception>
    public static Target Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length == 0)
        {
            throw new TargetException("empty target: give head, heads, base, a revision id, +N or -N");
        }

        switch (t)
        {
            case "head":
                return Head;
            case "heads":
                return Heads;
            case "base":
                return Base;
        }

        if (t[0] is '+' or '-')
        {
            return new Target(TargetKind.Relative, t, Steps: ParseSteps(t, t));
        }

        var at = t.LastIndexOf('@');
        if (at < 0)
        {
            return new Target(TargetKind.Revision, t, t);
        }

        var left = t[..at];
        var right = t[(at + 1)..];
        if (left.Length == 0)
        {
            throw new TargetException($"target '{t}' has nothing before '@'");
        }

        return right switch
        {
            "head" => new Target(TargetKind.BranchHead, t, left),
            "base" => new Target(TargetKind.BranchBase, t, left),
            _ when right.Length > 0 && right[0] is '+' or '-' => new Target(TargetKind.RevisionRelative, t, left, ParseSteps(right, t)),
            _ => throw new TargetException($"target '{t}': after '@' expected head, base, +N or -N"),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static int ParseSteps(string signed, string whole)
    {
        if (!int.TryParse(signed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var steps) || steps == 0)
        {
            throw new TargetException($"target '{whole}': expected a non-zero number of steps such as +2 or -1");
        }

        return steps;
    }
}
