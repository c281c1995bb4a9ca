using System.Globalization;
using System.Text;
using Ratchet.Verification;

namespace Ratchet.Cli.Output;

/// <summary>The Markdown report of a verification, for a pull request.</summary>
internal static class VerifyMarkdown
{
    public static string Write(VerifyReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(report.Passed ? "## Ratchet verify: passed" : "## Ratchet verify: FAILED").AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"{report.Revisions.Count} revision(s), each up, down and up again on a scratch database ({report.Engine})");
        md.AppendLine(report.Options.Data
            ? string.Create(CultureInfo.InvariantCulture, $", with {report.Options.RowsPerTable} generated rows per table (seed {report.Options.Seed}); {report.Duration.TotalSeconds:0.00} s.")
            : string.Create(CultureInfo.InvariantCulture, $"; {report.Duration.TotalSeconds:0.00} s."));
        md.AppendLine().AppendLine("| revision | message | result | notes |").AppendLine("|---|---|---|---|");
        foreach (var v in report.Revisions)
        {
            var notes = new List<string>();
            if (v.Error is not null)
            {
                notes.Add(v.Error);
            }

            notes.AddRange(v.SchemaProblems);
            notes.AddRange(v.AfterUp.Concat(v.AfterDown).Select(f => f.Kind switch
            {
                DataFindingKind.DroppedOnPurpose => "dropped on purpose: " + f.Message,
                DataFindingKind.Changed => "changed by up: " + f.Message,
                DataFindingKind.Lost => "**lost by up:** " + f.Message,
                _ => "**not restored by down:** " + f.Message,
            }));
            if (v.Outcome == VerdictOutcome.UpOnly)
            {
                notes.Add("no down section: only the up was tested");
            }

            var result = v.Outcome switch
            {
                VerdictOutcome.Passed => "passed",
                VerdictOutcome.UpOnly => "up only",
                VerdictOutcome.NotRun => "not run",
                _ => "**failed**",
            };
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{v.Revision.Id}` | {Cell(v.Revision.Message)} | {result} | {Cell(string.Join("; ", notes))} |");
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
