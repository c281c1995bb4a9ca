using Ratchet.Sources;
using Xunit;

namespace Ratchet.Tests.Sources;

public sealed class SqlStatementSplitterTests
{
    private static List<string> Split(string sql) => SqlStatementSplitter.Split(sql).Select(s => s.Sql).ToList();

    [Fact]
    public void Splits_at_top_level_semicolons_and_drops_empty_statements()
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], Split("SELECT 1;;\n  SELECT 2;\n;"));
    }

    [Fact]
    public void Semicolons_in_strings_identifiers_and_comments_do_not_split()
    {
        var statements = Split("""
            INSERT INTO t VALUES ('a;b', 'it''s; fine');
            SELECT "we;ird" FROM t -- trailing; comment
            ;
            /* block; /* nested; */ still comment; */ SELECT 3;
            """);

        Assert.Equal(3, statements.Count);
        Assert.Equal("INSERT INTO t VALUES ('a;b', 'it''s; fine')", statements[0]);
        Assert.StartsWith("SELECT \"we;ird\" FROM t", statements[1], StringComparison.Ordinal);
        Assert.Equal("SELECT 3", statements[2]);
    }

    [Fact]
    public void Dollar_quoted_bodies_are_kept_whole()
    {
        var statements = Split("""
            CREATE FUNCTION f() RETURNS trigger AS $body$
            BEGIN
              NEW.x := 1; RETURN NEW;
            END;
            $body$ LANGUAGE plpgsql;
            SELECT $$a;b$$;
            """);

        Assert.Equal(2, statements.Count);
        Assert.EndsWith("$body$ LANGUAGE plpgsql", statements[0], StringComparison.Ordinal);
        Assert.Equal("SELECT $$a;b$$", statements[1]);
    }

    [Fact]
    public void Escape_strings_allow_backslash_quotes()
    {
        Assert.Equal(["SELECT E'it\\'s;'", "SELECT 2"], Split("SELECT E'it\\'s;'; SELECT 2;"));
    }

    [Fact]
    public void A_trigger_body_with_case_is_one_statement()
    {
        var statements = Split("""
            CREATE TRIGGER trg AFTER INSERT ON t
            BEGIN
              UPDATE t SET x = CASE WHEN NEW.y > 0 THEN 1 ELSE 0 END WHERE id = NEW.id;
              INSERT INTO log VALUES (NEW.id);
            END;
            CREATE TEMP TRIGGER IF NOT EXISTS t2 BEFORE DELETE ON t BEGIN SELECT 1; END;
            BEGIN;
            COMMIT;
            """);

        Assert.Equal(4, statements.Count);
        Assert.EndsWith("END", statements[0], StringComparison.Ordinal);
        Assert.Contains("INSERT INTO log", statements[0], StringComparison.Ordinal);
        Assert.Equal("CREATE TEMP TRIGGER IF NOT EXISTS t2 BEFORE DELETE ON t BEGIN SELECT 1; END", statements[1]);
        Assert.Equal("BEGIN", statements[2]);
        Assert.Equal("COMMIT", statements[3]);
    }

    [Fact]
    public void Begin_atomic_function_bodies_are_one_statement()
    {
        var statements = Split("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3;");

        Assert.Equal(["CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END", "SELECT 3"], statements);
    }

    [Fact]
    public void Semicolons_inside_parentheses_do_not_split()
    {
        Assert.Single(Split("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));"));
    }

    [Fact]
    public void Statements_carry_the_line_they_start_on()
    {
        var statements = SqlStatementSplitter.Split("-- intro\n\nSELECT 1;\n/* c\n*/ SELECT\n 2;");

        Assert.Equal([3, 5], statements.Select(s => s.Line));
    }

    [Theory]
    [InlineData("SELECT 'abc", "unterminated string", 1)]
    [InlineData("SELECT 1;\nSELECT \"abc", "unterminated quoted identifier", 2)]
    [InlineData("\n\nSELECT $x$ abc", "unterminated dollar-quoted string $x$", 3)]
    [InlineData("/* never closed", "unterminated /* comment", 1)]
    public void Unterminated_tokens_are_errors_naming_the_line(string sql, string problem, int line)
    {
        var error = Assert.Throws<MigrationFileException>(() => SqlStatementSplitter.Split(sql, "m.sql"));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(new SourceLocation("m.sql", line), error.Location);
    }

    [Fact]
    public void Parameters_and_numbers_are_not_dollar_quotes()
    {
        Assert.Equal(["SELECT $1, $name, 1.5e-3, ?2, :p, @q"], Split("SELECT $1, $name, 1.5e-3, ?2, :p, @q"));
    }

    [Fact]
    public void Lines_stay_right_after_an_escaped_newline_in_an_escape_string()
    {
        var statements = SqlStatementSplitter.Split("SELECT E'a\\\nb';\nSELECT 2;");

        Assert.Equal([1, 3], statements.Select(s => s.Line));
    }

    [Fact]
    public void A_comment_between_begin_and_atomic_still_opens_a_block()
    {
        Assert.Equal(2, Split("CREATE FUNCTION f() RETURNS int BEGIN /* body */ ATOMIC SELECT 1; END; SELECT 2;").Count);
    }
}
