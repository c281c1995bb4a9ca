using System.Text;
using Ratchet.Sources;

namespace Ratchet.Safety.Parsing;

/// <summary>A position in the tokens of one statement (comments left out), with the steps a recursive-descent parser takes.</summary>
internal sealed class TokenCursor
{
    private readonly string _sql;
    private readonly List<SqlToken> _tokens;
    private readonly int _firstColumn;

    public TokenCursor(string sql, List<SqlToken> tokens, int firstColumn)
    {
        _sql = sql;
        _tokens = tokens;
        _firstColumn = firstColumn;
    }

    public int Index { get; set; }

    public bool AtEnd => Index >= _tokens.Count;

    public SqlToken Current => _tokens[Index];

    public string Sql => _sql;

    /// <summary>The text of the current token (empty at the end).</summary>
    public string Text => AtEnd ? "" : Current.Text(_sql).ToString();

    public bool Is(string word) => !AtEnd && _tokens[Index].IsWord(_sql, word);

    public bool IsAt(int offset, string word) => Index + offset < _tokens.Count && _tokens[Index + offset].IsWord(_sql, word);

    public bool IsAny(params string[] words) => words.Any(Is);

    public SqlToken TokenAt(int index) => _tokens[index];

    public bool IsSymbolAt(int offset, char c) =>
        Index + offset < _tokens.Count && _tokens[Index + offset].Kind == SqlTokenKind.Symbol && _sql[_tokens[Index + offset].Start] == c;

    public bool IsSymbol(char c) => !AtEnd && Current.Kind == SqlTokenKind.Symbol && _sql[Current.Start] == c;

    public bool IsName => !AtEnd && Current.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    public bool IsString => !AtEnd && Current.Kind == SqlTokenKind.StringLiteral;

    /// <summary>Takes the word if it is next.</summary>
    public bool Take(string word)
    {
        if (!Is(word))
        {
            return false;
        }

        Index++;
        return true;
    }

    /// <summary>Takes the words if they all come next, in order; else takes nothing.</summary>
    public bool TakeAll(params string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (!IsAt(k, words[k]))
            {
                return false;
            }
        }

        Index += words.Length;
        return true;
    }

    public bool TakeSymbol(char c)
    {
        if (!IsSymbol(c))
        {
            return false;
        }

        Index++;
        return true;
    }

    /// <summary>The line and column of the current token (or of the last one at the end).</summary>
    public (int Line, int Column) Position()
    {
        if (_tokens.Count == 0)
        {
            return (1, _firstColumn);
        }

        var token = _tokens[Math.Min(Index, _tokens.Count - 1)];
        var lineStart = token.Start == 0 ? 0 : _sql.LastIndexOf('\n', token.Start - 1) + 1;
        var column = token.Start - lineStart + 1;
        return (token.Line, lineStart == 0 ? column + _firstColumn - 1 : column);
    }

    /// <summary>
    /// A possibly qualified name (<c>public.users</c>, <c>"Mixed Case"</c>): its last part, unquoted names folded to
    /// lower case as PostgreSQL stores them. Null when no name is next.
    /// </summary>
    public string? TakeName()
    {
        if (!IsName)
        {
            return null;
        }

        var name = Unquote(Current);
        Index++;
        while (IsSymbol('.') && Index + 1 < _tokens.Count && _tokens[Index + 1].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier
            && _tokens[Index + 1].Start == _tokens[Index].End)
        {
            Index++;
            name = Unquote(Current);
            Index++;
        }

        return name;
    }

    public string Unquote(SqlToken token)
    {
        var text = token.Text(_sql).ToString();
        if (token.Kind != SqlTokenKind.QuotedIdentifier)
        {
            return text.ToLowerInvariant();
        }

        var quote = text[0];
        var inner = text[1..^1];
        return quote == '[' ? inner : inner.Replace(new string(quote, 2), quote.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The value of a string literal (<c>'it''s'</c> gives <c>it's</c>).</summary>
    public string? TakeString()
    {
        if (!IsString)
        {
            return null;
        }

        var text = Text;
        Index++;
        var quote = text.IndexOf('\'', StringComparison.Ordinal);
        return quote < 0 ? text : text[(quote + 1)..^1].Replace("''", "'", StringComparison.Ordinal);
    }

    /// <summary>
    /// The text from here to (not including) the first top-level comma or closing parenthesis, or one of the stop
    /// words at top level; parentheses inside are kept balanced.
    /// </summary>
    public string TakeUntil(params string[] stopWords)
    {
        var start = Index;
        var depth = 0;
        while (!AtEnd)
        {
            if (depth == 0 && (IsSymbol(',') || IsSymbol(')') || (Current.Kind == SqlTokenKind.Word && stopWords.Any(Is))))
            {
                break;
            }

            if (IsSymbol('(') || IsSymbol('['))
            {
                depth++;
            }
            else if (IsSymbol(')') || IsSymbol(']'))
            {
                depth--;
            }

            Index++;
        }

        return TextOf(start, Index);
    }

    /// <summary>Skips a parenthesized group and returns what is inside; null when no '(' is next.</summary>
    public string? TakeParenthesized()
    {
        if (!IsSymbol('('))
        {
            return null;
        }

        var open = Index;
        var depth = 0;
        while (!AtEnd)
        {
            if (IsSymbol('('))
            {
                depth++;
            }
            else if (IsSymbol(')'))
            {
                depth--;
                if (depth == 0)
                {
                    Index++;
                    return TextOf(open + 1, Index - 1);
                }
            }

            Index++;
        }

        return TextOf(open + 1, Index);
    }

    /// <summary>( a, b, c ): the names; null when no '(' is next or the list holds something else.</summary>
    public List<string>? TakeNameList()
    {
        var mark = Index;
        if (!TakeSymbol('('))
        {
            return null;
        }

        var names = new List<string>();
        while (TakeName() is { } name)
        {
            names.Add(name);
            if (!TakeSymbol(','))
            {
                break;
            }
        }

        if (!TakeSymbol(')'))
        {
            Index = mark;
            return null;
        }

        return names;
    }

    /// <summary>Skips to the next top-level comma (or the end), for recovery after something unreadable.</summary>
    public void SkipToComma()
    {
        TakeUntil();
        while (!AtEnd && !IsSymbol(','))
        {
            Index++;
            TakeUntil();
        }
    }

    /// <summary>Whether the word appears at the top level (outside parentheses) from here on.</summary>
    public bool HasTopLevel(string word)
    {
        var depth = 0;
        for (var k = Index; k < _tokens.Count; k++)
        {
            var t = _tokens[k];
            if (t.Kind == SqlTokenKind.Symbol)
            {
                depth += _sql[t.Start] == '(' ? 1 : _sql[t.Start] == ')' ? -1 : 0;
            }
            else if (depth == 0 && t.IsWord(_sql, word))
            {
                return true;
            }
        }

        return false;
    }

    public string TextOf(int from, int to)
    {
        if (from >= to || from >= _tokens.Count)
        {
            return "";
        }

        var end = Math.Min(to, _tokens.Count) - 1;
        var text = new StringBuilder();
        for (var k = from; k <= end; k++)
        {
            if (k > from && _tokens[k].Start > _tokens[k - 1].End)
            {
                text.Append(' ');
            }

            text.Append(_sql, _tokens[k].Start, _tokens[k].Length);
        }

        return text.ToString();
    }

    /// <summary>Moves past the last token (the rest of the statement was taken as text).</summary>
    public void SkipToEnd() => Index = _tokens.Count;

    public string Rest() => TextOf(Index, _tokens.Count);
}
