using System.Text.RegularExpressions;

namespace Ratchet.Cli;

/// <summary>
/// Lets users type relative targets as in Alembic (<c>ratchet down -1</c>): a lone <c>-N</c> would otherwise be
/// read as an option, so it is passed after <c>--</c>.
/// </summary>
internal static partial class RelativeTargets
{
    public static string[] Protect(string[] args)
    {
        var index = Array.FindIndex(args, a => StepPattern().IsMatch(a));
        if (index < 0 || args.Contains("--"))
        {
            return args;
        }

        var target = args[index];
        var rest = args.Where((_, i) => i != index).ToList();
        rest.Add("--");
        rest.Add(target);
        return [.. rest];
    }

    [GeneratedRegex(@"^-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex StepPattern();
}
