using Ratchet.Revisions;
using Ratchet.Safety;
using Ratchet.Sources;
using Xunit;

namespace Ratchet.Tests.Safety;

/// <summary>
/// The rule corpus: every file under Safety/Cases is a revision (its <c>-- up:</c> part) on top of an earlier one (its
/// <c>-- given:</c> part) that one rule must flag (<c>-- expect: RATnnn [line N]</c>) or must not (<c>-- expect-not:</c>).
/// </summary>
public sealed class LintCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CasesFolder(), "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(CasesFolder(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_flags_the_bad_case_and_leaves_the_good_one_alone(string name)
    {
        var lintCase = LintCase.Read(Path.Combine(CasesFolder(), name));

        var report = new Linter(new LintOptions { Target = lintCase.Target }).Lint(lintCase.Graph(), r => r.Id == "002");

        var ofRule = report.Active.Where(f => f.Rule == lintCase.Rule).ToList();
        var all = string.Join("\n", report.Findings.Select(f => $"  {f.Rule} line {f.Line}{(f.SuppressedBecause is null ? "" : " (suppressed)")}: {f.Message}"));
        if (lintCase.Expected)
        {
            Assert.True(ofRule.Count > 0, $"{name}: {lintCase.Description}\nexpected {lintCase.Rule}, found:\n{all}");
            if (lintCase.Line is { } line)
            {
                Assert.True(ofRule.Any(f => f.Line == LintCase.FileLine(line)), $"{name}: expected {lintCase.Rule} at up line {line} (file line {LintCase.FileLine(line)}), found:\n{all}");
            }

            Assert.All(ofRule, f => Assert.False(string.IsNullOrWhiteSpace(f.Fix)));
        }
        else
        {
            Assert.True(ofRule.Count == 0, $"{name}: {lintCase.Description}\nexpected no {lintCase.Rule}, found:\n{all}");
        }
    }

    [Fact]
    public void Every_rule_has_at_least_two_bad_and_two_good_cases()
    {
        foreach (var rule in LintRules.All)
        {
            var folder = Path.Combine(CasesFolder(), rule.Id);
            Assert.True(Directory.Exists(folder), $"no cases for {rule.Id}");
            Assert.True(Directory.EnumerateFiles(folder, "bad-*.sql").Count() >= 2, $"{rule.Id}: fewer than two bad cases");
            Assert.True(Directory.EnumerateFiles(folder, "good-*.sql").Count() >= 2, $"{rule.Id}: fewer than two good cases");
        }
    }

    internal static string CasesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Ratchet.Tests", "Safety", "Cases");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Ratchet.Tests/Safety/Cases not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One case file, read.</summary>
internal sealed record LintCase(string Description, string Rule, bool Expected, int? Line, LintTarget Target, bool Transactional, bool LockTimeoutOff, string Given, string Up)
{
    private const int HeaderLines = 4;

    public static LintCase Read(string path)
    {
        var lines = File.ReadAllLines(path);
        string Header(string key) => lines.FirstOrDefault(l => l.StartsWith($"-- {key}:", StringComparison.Ordinal))?[(key.Length + 4)..].Trim() ?? "";
        var expect = Header("expect");
        var expectNot = Header("expect-not");
        var words = (expect.Length > 0 ? expect : expectNot).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var given = Array.IndexOf(lines, "-- given:");
        var up = Array.IndexOf(lines, "-- up:");
        return new LintCase(
            Header("case"),
            words[0],
            expect.Length > 0,
            words.Length >= 3 && words[1] == "line" ? int.Parse(words[2], System.Globalization.CultureInfo.InvariantCulture) : null,
            Header("target") is { Length: > 0 } target ? LintTarget.Parse(target) : LintTarget.Default,
            Header("transaction") != "off",
            Header("lock-timeout") == "off",
            given < 0 ? "" : string.Join("\n", lines[(given + 1)..up]),
            string.Join("\n", lines[(up + 1)..]));
    }

    /// <summary>The line in the written revision file of line <paramref name="upLine"/> of the up section.</summary>
    public static int FileLine(int upLine) => HeaderLines + upLine;

    public RevisionGraph Graph()
    {
        var second = $"-- ratchet:revises 001\n-- ratchet:transaction {(Transactional ? "on" : "off")}\n-- ratchet:lock-timeout {(LockTimeoutOff ? "off" : "5s")}\n-- ratchet:up\n{Up}\n";
        var first = $"-- ratchet:revises base\n-- ratchet:up\n{(Given.Trim().Length == 0 ? "SELECT 1;" : Given)}\n";
        return new RevisionGraph([SqlFileSource.FromText("001__given.sql", first), SqlFileSource.FromText("002__case.sql", second)]);
    }
}
