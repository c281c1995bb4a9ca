using System.Text;
using System.Text.RegularExpressions;

namespace Ratchet.Knowledge;

/// <summary>
/// The parts of a Markdown file that <c>ratchet docs</c> owns: each between <c>&lt;!-- ratchet:begin KEY --&gt;</c>
/// and <c>&lt;!-- ratchet:end KEY --&gt;</c>. Everything outside the markers is the team's and is kept as it is.
/// </summary>
public static partial class ManagedRegions
{
    /// <summary>The key and body of every region, in file order.</summary>
    public static IReadOnlyList<(string Key, string Attributes, string Body)> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Region().Matches(text).Select(m => (m.Groups["key"].Value, m.Groups["attrs"].Value.Trim(), m.Groups["body"].Value)).ToList();
    }

    /// <summary>
    /// <paramref name="text"/> with the regions' bodies replaced by <paramref name="wanted"/> (by key); regions not in it
    /// are removed; wanted regions not there yet are inserted after the previous wanted one (or at the end).
    /// </summary>
    public static string Update(string text, IReadOnlyList<(string Key, string Attributes, string Body)> wanted)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(wanted);
        var keys = wanted.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        var result = Region().Replace(text, m => keys.Contains(m.Groups["key"].Value)
            ? Render(wanted.First(w => w.Key == m.Groups["key"].Value))
            : "");
        result = Blank().Replace(result, "\n\n");
        for (var k = 0; k < wanted.Count; k++)
        {
            if (result.Contains(Begin(wanted[k].Key), StringComparison.Ordinal))
            {
                continue;
            }

            var previous = wanted.Take(k).Reverse().Select(w => End(w.Key)).FirstOrDefault(e => result.Contains(e, StringComparison.Ordinal));
            var block = Render(wanted[k]);
            if (previous is null)
            {
                result = result.TrimEnd() + (result.Trim().Length == 0 ? "" : "\n\n") + block + "\n";
            }
            else
            {
                var at = result.IndexOf(previous, StringComparison.Ordinal) + previous.Length;
                result = result[..at] + "\n\n" + block + result[at..];
            }
        }

        return result.TrimEnd() + "\n";
    }

    private static string Render((string Key, string Attributes, string Body) region)
    {
        var text = new StringBuilder();
        text.Append("<!-- ratchet:begin ").Append(region.Key);
        if (region.Attributes.Length > 0)
        {
            text.Append(' ').Append(region.Attributes);
        }

        return text.Append(" -->\n").Append(region.Body.Trim('\n')).Append('\n').Append(End(region.Key)).ToString();
    }

    private static string Begin(string key) => $"<!-- ratchet:begin {key} ";

    private static string End(string key) => $"<!-- ratchet:end {key} -->";

    [GeneratedRegex(@"<!-- ratchet:begin (?<key>\S+)(?<attrs>[^\n]*?) -->\n(?<body>.*?)<!-- ratchet:end \k<key> -->", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex Blank();
}
