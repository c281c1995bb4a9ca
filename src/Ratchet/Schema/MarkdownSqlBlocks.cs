namespace Ratchet.Schema;

/// <summary>The SQL of a Markdown design note: its <c>```sql</c> code blocks, everything else blanked so line numbers stay the note's.</summary>
public static class MarkdownSqlBlocks
{
    /// <summary>The note with every line outside a <c>```sql</c> (or <c>~~~sql</c>) block made empty; null when it has no such block.</summary>
    public static string? Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = new List<string>();
        string? fence = null;
        var found = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                var info = trimmed.TrimStart('`', '~').Trim();
                var language = info.Split(' ', '{', ',')[0];
                fence = trimmed[..3];
                if (language.Equals("sql", StringComparison.OrdinalIgnoreCase) || language.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
                    || language.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
                {
                    found = true;
                    fence = "sql" + fence;
                }

                text.Add("");
                continue;
            }

            if (fence is not null && trimmed.StartsWith(fence[^3..], StringComparison.Ordinal) && trimmed.Trim().Trim(fence[^1]).Length == 0)
            {
                fence = null;
                text.Add("");
                continue;
            }

            text.Add(fence is not null && fence.StartsWith("sql", StringComparison.Ordinal) ? line : "");
        }

        return found ? string.Join('\n', text) : null;
    }
}
