using System.Globalization;

namespace Ratchet.Sources.Layouts;

/// <summary>
/// The small part of YAML a revision's <c>metadata.yaml</c> uses: top-level <c>key: value</c> scalars (quoted or
/// not), flow lists <c>[a, b]</c> and block lists (<c>- a</c> lines under the key), comments. Anything else is an error
/// naming the line.
/// </summary>
internal sealed class SimpleYaml
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly string _file;

    private SimpleYaml(string file) => _file = file;

    public static SimpleYaml Read(string text, string file)
    {
        var yaml = new SimpleYaml(file);
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        string? listKey = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]);
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal) || line.Trim() == "-")
            {
                if (listKey is null || !char.IsWhiteSpace(line[0]) && !line.StartsWith('-'))
                {
                    throw new MigrationFileException(new SourceLocation(file, i + 1), "a list item without a key above it");
                }

                ((List<string>)yaml._values[listKey]).Add(Scalar(line.TrimStart()[1..].Trim()));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || char.IsWhiteSpace(line[0]))
            {
                throw new MigrationFileException(new SourceLocation(file, i + 1), $"expected `key: value`, found `{line.Trim()}`");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            listKey = null;
            if (value.Length == 0)
            {
                yaml._values[key] = new List<string>();
                listKey = key;
            }
            else if (value.StartsWith('[') && value.EndsWith(']'))
            {
                yaml._values[key] = value[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Scalar).ToList();
            }
            else
            {
                yaml._values[key] = Scalar(value);
            }
        }

        return yaml;
    }

    public IReadOnlyList<string>? List(string key) => _values.TryGetValue(key, out var v)
        ? v as List<string> ?? (v is string s && s is "" or "null" or "~" ? [] : [(string)v])
        : null;

    public bool? Bool(string key) => _values.TryGetValue(key, out var v)
        ? v is string s && bool.TryParse(s, out var b) ? b
          : throw new MigrationFileException(new SourceLocation(_file, 1), $"`{key}` must be true or false")
        : null;

    private static string Scalar(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value.ToString(CultureInfo.InvariantCulture);

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            if (quote != '\0')
            {
                quote = line[i] == quote ? '\0' : quote;
            }
            else if (line[i] is '"' or '\'')
            {
                quote = line[i];
            }
            else if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }
}
