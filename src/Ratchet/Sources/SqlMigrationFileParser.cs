using System.Text.RegularExpressions;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Sources;

/// <summary>
/// Reads a native Ratchet SQL migration file: <c>-- ratchet:</c> directives (<c>revision</c>, <c>revises</c>,
/// <c>message</c>, <c>branch</c>, <c>depends-on</c>, <c>transaction</c>, <c>ignore</c>) and the sections <c>up</c>,
/// <c>down</c>, <c>check</c> and <c>verify</c>. Anything else that looks like a directive is an error naming its line.
/// </summary>
public static partial class SqlMigrationFileParser
{
    private static readonly string[] Directives =
        ["revision", "revises", "message", "branch", "depends-on", "transaction", "lock-timeout", "repeatable", "online", "backfill", "down-using", "ignore", "up", "down",
            "check", "verify"];

    /// <summary>Directives that annotate the statement below them rather than describe the file.</summary>
    private static readonly string[] Annotations = ["backfill", "down-using", "ignore"];

    /// <summary>
    /// Whether a directive belongs to a native file's header or sections (<c>revises</c>, <c>up</c>...), so a file that
    /// begins with it is Ratchet's; a statement annotation such as <c>ignore</c> may top another tool's file too.
    /// </summary>
    internal static bool IsFileDirective(string name) => Directives.Contains(name) && !Annotations.Contains(name);

    /// <summary>Parses the text of a migration file.</summary>
    /// <param name="path">The file, as shown in errors.</param>
    /// <param name="text">Its content.</param>
    /// <exception cref="MigrationFileException">The file is not a valid migration.</exception>
    public static SqlMigrationFile Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var tokens = SqlLexer.Tokenize(text, path);
        var header = new Header();
        var sections = new Dictionary<string, (int From, int To, int Line)>(StringComparer.Ordinal);
        string? open = null;
        var openFrom = 0;
        var openLine = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Kind != SqlTokenKind.LineComment)
            {
                if (open is null && !token.IsComment)
                {
                    throw new MigrationFileException(new SourceLocation(path, token.Line),
                        "SQL before the first section; start the file's SQL with a `-- ratchet:up` line");
                }

                continue;
            }

            var match = DirectivePattern().Match(text, token.Start, token.Length);
            if (!match.Success)
            {
                continue;
            }

            var location = new SourceLocation(path, token.Line);
            if (!StartsLine(text, token.Start))
            {
                throw new MigrationFileException(location, "a `-- ratchet:` directive must stand on its own line");
            }

            var name = match.Groups["name"].Value;
            var value = match.Groups["value"].Value.Trim();
            if (name is "up" or "down" or "check" or "verify")
            {
                if (value.Length > 0)
                {
                    throw new MigrationFileException(location, $"the `{name}` section marker takes no value (found '{value}')");
                }

                if (open is not null)
                {
                    sections[open] = (openFrom, k, openLine);
                }

                if (sections.ContainsKey(name) || name == open)
                {
                    throw new MigrationFileException(location, $"the `{name}` section appears twice");
                }

                open = name;
                openFrom = k + 1;
                openLine = token.Line;
                continue;
            }

            header.Apply(name, value, location, open is null ? null : NextStatementLine(text, tokens, k));
        }

        if (open is not null)
        {
            sections[open] = (openFrom, tokens.Count, openLine);
        }

        if (!sections.TryGetValue("up", out var up))
        {
            throw new MigrationFileException(new SourceLocation(path, 1), "no `-- ratchet:up` section");
        }

        return new SqlMigrationFile
        {
            Path = path,
            Id = header.Id,
            Revises = header.Revises,
            Message = header.Message ?? "",
            BranchLabels = header.Branches,
            DependsOn = header.DependsOn,
            Transactional = header.Transactional,
            Suppressions = header.Suppressions,
            StatementLockTimeout = header.LockTimeout,
            Repeatable = header.Repeatable,
            Online = header.Online,
            OnlineDirectives = header.StatementDirectives,
            Up = Script(text, tokens, up),
            Down = sections.TryGetValue("down", out var down) ? Script(text, tokens, down) : null,
            Checks = sections.TryGetValue("check", out var check) ? Statements(text, tokens, check) : [],
            Verifies = sections.TryGetValue("verify", out var verify) ? Statements(text, tokens, verify) : [],
        };
    }

    private static SqlScript Script(string text, List<SqlToken> tokens, (int From, int To, int Line) range) =>
        new(Statements(text, tokens, range), Checksum.OfTokens(text, tokens, range.From, range.To));

    private static IReadOnlyList<SqlStatement> Statements(string text, List<SqlToken> tokens, (int From, int To, int Line) range) =>
        SqlStatementSplitter.Split(text, tokens, range.From, range.To);

    /// <summary>
    /// The line of the statement right below the comment at token <paramref name="k"/>: the next SQL token, when every
    /// line in between holds a comment (no blank line, no section marker); else null.
    /// </summary>
    private static int? NextStatementLine(string text, List<SqlToken> tokens, int k)
    {
        var line = tokens[k].Line;
        for (var m = k + 1; m < tokens.Count; m++)
        {
            var t = tokens[m];
            if (t.Line > line + 1)
            {
                return null;
            }

            if (!t.IsComment)
            {
                return t.Line;
            }

            if (DirectivePattern().Match(text, t.Start, t.Length) is { Success: true } d && d.Groups["name"].Value is "up" or "down" or "check" or "verify")
            {
                return null;
            }

            line = t.Line;
        }

        return null;
    }

    private static bool StartsLine(string text, int offset)
    {
        for (var i = offset - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Closest(string name) =>
        Directives.OrderBy(d => Distance(d, name)).First();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static List<string> SplitList(string value) =>
        value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"\G--\s*ratchet:(?<name>[A-Za-z_-]*)(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectivePattern();

    /// <summary>The directives collected so far; each may appear once (except <c>ignore</c>).</summary>
    private sealed class Header
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public string? Id { get; private set; }

        public List<string>? Revises { get; private set; }

        public string? Message { get; private set; }

        public List<string> Branches { get; private set; } = [];

        public List<string> DependsOn { get; private set; } = [];

        public bool Transactional { get; private set; } = true;

        public List<Suppression> Suppressions { get; } = [];

        public TimeSpan? LockTimeout { get; private set; }

        public bool Repeatable { get; private set; }

        public bool Online { get; private set; }

        public Dictionary<int, OnlineStatementDirectives> StatementDirectives { get; } = [];

        public void Apply(string name, string value, SourceLocation location, int? statementLine)
        {
            if (name is not ("ignore" or "backfill" or "down-using") && !_seen.Add(name))
            {
                throw new MigrationFileException(location, $"the `{name}` directive appears twice");
            }

            switch (name)
            {
                case "revision":
                    Id = Required(name, value, location);
                    break;
                case "revises":
                    var parents = SplitList(Required(name, value, location));
                    Revises = parents is ["base"] or ["none"] ? [] : parents;
                    break;
                case "message":
                    Message = value;
                    break;
                case "branch":
                    Branches = SplitList(Required(name, value, location));
                    break;
                case "depends-on":
                    DependsOn = SplitList(Required(name, value, location));
                    break;
                case "transaction":
                    Transactional = value.ToUpperInvariant() switch
                    {
                        "ON" => true,
                        "OFF" => false,
                        _ => throw new MigrationFileException(location, $"`transaction` takes on or off, not '{value}'"),
                    };
                    break;
                case "ignore":
                    var parts = value.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    Suppressions.Add(new Suppression(parts.Length > 0 ? parts[0] : "", parts.Length > 1 ? parts[1] : "", location.Line)
                    {
                        StatementLine = statementLine,
                    });
                    break;
                case "lock-timeout":
                    LockTimeout = LockTimeoutValue(value, location);
                    break;
                case "repeatable":
                    Repeatable = value.Length == 0 || value.Equals("on", StringComparison.OrdinalIgnoreCase)
                        ? true
                        : throw new MigrationFileException(location, $"`repeatable` takes no value (found '{value}')");
                    break;
                case "online":
                    Online = value.Length == 0 || value.Equals("on", StringComparison.OrdinalIgnoreCase)
                        ? true
                        : throw new MigrationFileException(location, $"`online` takes no value (found '{value}')");
                    break;
                case "backfill" or "down-using":
                    var line = statementLine ?? throw new MigrationFileException(location,
                        $"`{name}` must stand right above the statement it belongs to, in the up section of an online revision");
                    var current = StatementDirectives.GetValueOrDefault(line);
                    var expression = Required(name, value, location);
                    StatementDirectives[line] = name == "backfill" ? current with { Backfill = expression } : current with { DownUsing = expression };
                    break;
                case "":
                    throw new MigrationFileException(location, "`-- ratchet:` with no directive name");
                default:
                    throw new MigrationFileException(location,
                        $"unknown directive `{name}` (did you mean `{Closest(name)}`?); known: {string.Join(", ", Directives)}");
            }
        }

        /// <summary><c>off</c> (or 0) turns the statement lock timeout off for the revision; else a duration (<c>2s</c>, <c>500ms</c>).</summary>
        private static TimeSpan LockTimeoutValue(string value, SourceLocation location)
        {
            var v = value.Trim().ToLowerInvariant();
            if (v is "off" or "0")
            {
                return TimeSpan.Zero;
            }

            var (number, scale) = v.EndsWith("ms", StringComparison.Ordinal) ? (v[..^2], 0.001) : v.EndsWith('s') ? (v[..^1], 1.0) : v.EndsWith('m') ? (v[..^1], 60.0) : (v, 1.0);
            return double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? TimeSpan.FromSeconds(n * scale)
                : throw new MigrationFileException(location, $"`lock-timeout` takes off or a duration such as 2s or 500ms, not '{value}'");
        }

        private static string Required(string name, string value, SourceLocation location) =>
            value.Length > 0 ? value : throw new MigrationFileException(location, $"the `{name}` directive needs a value");
    }
}
