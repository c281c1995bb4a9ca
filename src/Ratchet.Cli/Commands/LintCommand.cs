using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Safety;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet lint [REVISION...]</c>: the safety checklist over the migrations (all of them, the named ones, or with
/// <c>--pending</c> those the database has not applied), offline; <c>--trace</c> also runs the pending ones on a
/// scratch PostgreSQL and reports the locks, rewrites and scans they really cause. Exit 3 on an error-level finding.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CommandRunner runner)
    {
        var revisions = new Argument<string[]>("revision") { Description = "Revisions to lint (ids or unique prefixes; default: all)", Arity = ArgumentArity.ZeroOrMore };
        var target = new Option<string?>("--target") { Description = "Engine and version the rules apply to: postgres@15, sqlite@3.40, mysql@8.0 (default: the configured engine)" };
        var format = new Option<string>("--format") { Description = "text (default), json or sarif (SARIF 2.1.0, for code scanning)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var pending = new Option<bool>("--pending") { Description = "Lint only the revisions the database has not applied (reads the history)" };
        var trace = new Option<bool>("--trace") { Description = "PostgreSQL: also run each pending revision on a scratch database with rows in every table and report the locks, rewrites and scans it causes" };
        var command = new Command("lint", "Check the migrations against the safety checklist (exit 3 on an error)") { revisions, target, format, output, pending, trace };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var parse = invocation.Parse;
            var graph = invocation.RequireRevisions();
            var engine = invocation.Engine();
            var lintTarget = parse.GetValue(target) is { } t ? LintTarget.Parse(t) : DefaultTarget(engine.Dialect.Name);
            var named = (parse.GetValue(revisions) ?? []).Select(r => graph.Resolve(r).Id).ToHashSet(StringComparer.Ordinal);
            HashSet<string>? applied = null;
            if (parse.GetValue(pending) || parse.GetValue(trace))
            {
                applied = (await invocation.Migrator(graph).ReadHistoryAsync(cancellationToken)).Where(h => h.IsApplied).Select(h => h.RevisionId).ToHashSet(StringComparer.Ordinal);
            }

            bool Include(Revisions.Revision r) => (named.Count == 0 || named.Contains(r.Id)) && (!parse.GetValue(pending) || !applied!.Contains(r.Id));
            var options = new LintOptions { Target = lintTarget, RunnerLockTimeoutOff = invocation.Settings.StatementLockTimeout == TimeSpan.Zero };
            var report = new Linter(options).Lint(graph, Include);
            if (parse.GetValue(trace))
            {
                report = await LintTrace.AddAsync(invocation, engine, graph, report, r => Include(r) && !applied!.Contains(r.Id), cancellationToken);
            }

            var chosen = invocation.Json ? "json" : parse.GetValue(format)!;
            var text = chosen switch
            {
                "json" => LintOutput.Json(report).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n",
                "sarif" => LintSarif.Write(report).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n",
                _ => LintOutput.Text(report),
            };
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(Path.Combine(invocation.Environment.WorkingDirectory, file), text, cancellationToken);
                invocation.Environment.Error.WriteLine(LintOutput.Summary(report) + $" Report written to {file}.");
            }
            else
            {
                invocation.Environment.Out.Write(text);
            }

            return report.HasErrors ? (int)RatchetErrorKind.CheckFailed : 0;
        });
        return command;
    }

    /// <summary>The configured engine at the version the tests run on; give <c>--target</c> for another.</summary>
    private static LintTarget DefaultTarget(string dialect) => dialect switch
    {
        "sqlite" => new LintTarget("sqlite", new Version(3, 40)),
        _ => LintTarget.Default,
    };
}
