namespace Ratchet.Sources;

/// <summary>
/// Splits SQL text into tokens. It knows single-quoted strings (with <c>''</c> and, for <c>E'...'</c>, backslash
/// escapes), double-quoted, backquoted and bracketed identifiers, dollar-quoted bodies, line comments and nested
/// block comments. Whitespace is skipped. An unterminated string, identifier or comment is an error naming its line.
/// </summary>
internal static class SqlLexer
{
    /// <summary>Tokenizes <paramref name="text"/>; <paramref name="file"/> and <paramref name="firstLine"/> place errors.</summary>
    /// <exception cref="MigrationFileException">A string, identifier or comment is not terminated.</exception>
    public static List<SqlToken> Tokenize(string text, string file = "<sql>", int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<SqlToken>(text.Length / 4);
        var line = firstLine;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            var startLine = line;
            var kind = Scan(text, ref i, ref line, file);
            tokens.Add(new SqlToken(kind, start, i - start, startLine));
        }

        return tokens;
    }

    private static SqlTokenKind Scan(string text, ref int i, ref int line, string file)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '-' when next == '-':
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                return SqlTokenKind.LineComment;
            case '/' when next == '*':
                ScanBlockComment(text, ref i, ref line, file);
                return SqlTokenKind.BlockComment;
            case '\'':
                ScanQuoted(text, ref i, ref line, file, '\'', backslashEscapes: false, "string");
                return SqlTokenKind.StringLiteral;
            case '"':
                ScanQuoted(text, ref i, ref line, file, '"', backslashEscapes: false, "quoted identifier");
                return SqlTokenKind.QuotedIdentifier;
            case '`':
                ScanQuoted(text, ref i, ref line, file, '`', backslashEscapes: false, "quoted identifier");
                return SqlTokenKind.QuotedIdentifier;
            case '[':
                ScanQuoted(text, ref i, ref line, file, ']', backslashEscapes: false, "bracketed identifier");
                return SqlTokenKind.QuotedIdentifier;
            case '$':
                return ScanDollar(text, ref i, ref line, file);
            case '?':
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                return SqlTokenKind.Parameter;
            case ':' when IsWordStart(next):
                i++;
                ScanWordChars(text, ref i);
                return SqlTokenKind.Parameter;
            case '@' when IsWordStart(next):
                i++;
                ScanWordChars(text, ref i);
                return SqlTokenKind.Parameter;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)))
        {
            ScanNumber(text, ref i);
            return SqlTokenKind.Number;
        }

        if (IsWordStart(c))
        {
            var start = i;
            ScanWordChars(text, ref i);
            var isEscapePrefix = i - start == 1 && (c is 'E' or 'e') && i < text.Length && text[i] == '\'';
            if (isEscapePrefix)
            {
                ScanQuoted(text, ref i, ref line, file, '\'', backslashEscapes: true, "string");
                return SqlTokenKind.StringLiteral;
            }

            return SqlTokenKind.Word;
        }

        i++;
        return SqlTokenKind.Symbol;
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_' || c > 127;

    private static void ScanWordChars(string text, ref int i)
    {
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$' || text[i] > 127))
        {
            i++;
        }
    }

    private static void ScanNumber(string text, ref int i)
    {
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
        {
            var isExponentSign = (text[i] is 'e' or 'E') && i + 1 < text.Length && text[i + 1] is '+' or '-';
            i += isExponentSign ? 2 : 1;
        }
    }

    private static void ScanQuoted(string text, ref int i, ref int line, string file, char close, bool backslashEscapes, string what)
    {
        var startLine = line;
        i++; // the opening quote
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
            }

            if (backslashEscapes && c == '\\')
            {
                line += i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                i += 2;
                continue;
            }

            i++;
            if (c != close)
            {
                continue;
            }

            if (i < text.Length && text[i] == close && close != ']')
            {
                i++; // doubled quote
                continue;
            }

            return;
        }

        throw new MigrationFileException(new SourceLocation(file, startLine), $"unterminated {what}");
    }

    private static void ScanBlockComment(string text, ref int i, ref int line, string file)
    {
        var startLine = line;
        var depth = 0;
        while (i < text.Length)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                if (text[i] == '\n')
                {
                    line++;
                }

                i++;
            }
        }

        throw new MigrationFileException(new SourceLocation(file, startLine), "unterminated /* comment");
    }

    private static SqlTokenKind ScanDollar(string text, ref int i, ref int line, string file)
    {
        var start = i;
        var j = i + 1;
        if (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            i = j;
            return SqlTokenKind.Parameter; // $1
        }

        while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_'))
        {
            j++;
        }

        if (j >= text.Length || text[j] != '$')
        {
            i = j; // $name: a SQLite parameter
            return j == start + 1 ? SqlTokenKind.Symbol : SqlTokenKind.Parameter;
        }

        var delimiter = text.AsSpan(start, j - start + 1);
        var bodyStart = j + 1;
        var close = text.AsSpan(bodyStart).IndexOf(delimiter, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new MigrationFileException(new SourceLocation(file, line), $"unterminated dollar-quoted string {delimiter}");
        }

        line += text.AsSpan(bodyStart, close).Count('\n');
        i = bodyStart + close + delimiter.Length;
        return SqlTokenKind.StringLiteral;
    }
}
