using Ratchet.Revisions;

namespace Ratchet.Sources;

/// <summary>
/// Splits a run of SQL tokens into statements at top-level semicolons. Semicolons inside strings, dollar-quoted
/// bodies, comments and parentheses do not split, nor do those inside the <c>BEGIN ... END</c> body of a
/// <c>CREATE TRIGGER</c> or a <c>BEGIN ATOMIC ... END</c> function body (where <c>CASE ... END</c> nests).
/// </summary>
internal static class SqlStatementSplitter
{
    /// <summary>Splits SQL text into statements.</summary>
    public static IReadOnlyList<SqlStatement> Split(string text, string file = "<sql>")
    {
        var tokens = SqlLexer.Tokenize(text, file);
        return Split(text, tokens, 0, tokens.Count);
    }

    /// <summary>Splits the tokens <c>[from, to)</c> of <paramref name="source"/> into statements.</summary>
    public static IReadOnlyList<SqlStatement> Split(string source, IReadOnlyList<SqlToken> tokens, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tokens);
        var statements = new List<SqlStatement>();
        var state = new BlockState();
        int? first = null;
        var last = -1;
        for (var k = from; k < to; k++)
        {
            var token = tokens[k];
            if (token.IsComment)
            {
                continue;
            }

            if (token.Kind == SqlTokenKind.Symbol && source[token.Start] == ';' && state.AtTopLevel)
            {
                Flush();
                continue;
            }

            first ??= k;
            last = k;
            state.Observe(source, tokens, k, to);
        }

        Flush();
        return statements;

        void Flush()
        {
            if (first is { } f)
            {
                var start = tokens[f].Start;
                var end = tokens[last].End;
                var lineStart = start == 0 ? 0 : source.LastIndexOf('\n', start - 1) + 1;
                statements.Add(new SqlStatement(source[start..end], tokens[f].Line) { Column = start - lineStart + 1 });
            }

            first = null;
            last = -1;
            state = new BlockState();
        }
    }

    /// <summary>Tracks parentheses and procedural blocks inside one statement.</summary>
    private sealed class BlockState
    {
        private int _parens;
        private int _blocks;
        private int _words;
        private bool _startsWithCreate;
        private bool _createTrigger;

        public bool AtTopLevel => _parens == 0 && _blocks == 0;

        public void Observe(string source, IReadOnlyList<SqlToken> tokens, int k, int to)
        {
            var token = tokens[k];
            if (token.Kind == SqlTokenKind.Symbol)
            {
                var c = source[token.Start];
                _parens += c == '(' ? 1 : c == ')' ? -1 : 0;
                _parens = Math.Max(_parens, 0);
                return;
            }

            if (token.Kind != SqlTokenKind.Word)
            {
                return;
            }

            _words++;
            if (_words == 1)
            {
                _startsWithCreate = token.IsWord(source, "CREATE");
            }
            else if (_startsWithCreate && _words <= 5 && token.IsWord(source, "TRIGGER"))
            {
                _createTrigger = true;
            }

            if (token.IsWord(source, "BEGIN"))
            {
                var next = k + 1;
                while (next < to && tokens[next].IsComment)
                {
                    next++;
                }

                var atomic = next < to && tokens[next].IsWord(source, "ATOMIC");
                if (_blocks > 0 || _createTrigger || atomic)
                {
                    _blocks++;
                }
            }
            else if (_blocks > 0 && token.IsWord(source, "CASE"))
            {
                _blocks++;
            }
            else if (_blocks > 0 && token.IsWord(source, "END"))
            {
                _blocks--;
            }
        }
    }
}
