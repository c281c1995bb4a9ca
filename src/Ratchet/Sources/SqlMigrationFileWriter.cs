using System.Globalization;
using System.Text;
using Ratchet.Revisions;

namespace Ratchet.Sources;

/// <summary>Writes new native SQL migration files: ids of the form <c>YYYYMMDD_NNN</c>, slugs, and the file text.</summary>
public static class SqlMigrationFileWriter
{
    /// <summary>The next id for <paramref name="date"/>: the date, then one more than the day's highest sequence.</summary>
    public static string NextId(IEnumerable<string> existingIds, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(existingIds);
        var prefix = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "_";
        var highest = existingIds
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(id => int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return prefix + (highest + 1).ToString("000", CultureInfo.InvariantCulture);
    }

    /// <summary>A file-name slug: lower case letters and digits joined by underscores, at most 50 characters.</summary>
    public static string Slug(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var slug = new StringBuilder();
        foreach (var c in message.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }
        }

        var text = slug.ToString().Trim('_');
        text = text.Length > 50 ? text[..50].TrimEnd('_') : text;
        return text.Length == 0 ? "revision" : text;
    }

    /// <summary>The file name for a revision.</summary>
    public static string FileName(string id, string message) => $"{id}{SqlFileSource.Separator}{Slug(message)}.sql";

    /// <summary>The text of a new revision file.</summary>
    public static string Render(string message, IReadOnlyList<string> parents, IReadOnlyList<string> branchLabels,
        IReadOnlyList<string> dependsOn, bool transactional, string? up = null, string? down = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(branchLabels);
        ArgumentNullException.ThrowIfNull(dependsOn);
        var text = new StringBuilder();
        text.Append("-- ratchet:revises ").AppendLine(parents.Count == 0 ? "base" : string.Join(", ", parents));
        text.Append("-- ratchet:message ").AppendLine(OneLine(message));
        if (branchLabels.Count > 0)
        {
            text.Append("-- ratchet:branch ").AppendLine(string.Join(", ", branchLabels));
        }

        if (dependsOn.Count > 0)
        {
            text.Append("-- ratchet:depends-on ").AppendLine(string.Join(", ", dependsOn));
        }

        if (!transactional)
        {
            text.AppendLine("-- ratchet:transaction off");
        }

        text.AppendLine().AppendLine("-- ratchet:up");
        text.AppendLine(up ?? "").AppendLine();
        text.AppendLine("-- ratchet:down");
        text.AppendLine(down ?? "");
        return text.ToString();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
