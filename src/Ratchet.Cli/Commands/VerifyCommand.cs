using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Engines;
using Ratchet.Verification;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet verify [--data]</c>: every revision up, down and up again on a scratch database (a temporary file, or a
/// temporary database on the same server or on <c>--dev-url</c>), the schemas compared at each step and, with
/// <c>--data</c>, generated rows compared too. Exit 3 on any mismatch. The scratch database is always dropped.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CommandRunner runner)
    {
        var data = new Option<bool>("--data") { Description = "Fill every table with generated rows before each up and check that no data is lost either way" };
        var rows = new Option<int>("--rows") { Description = "Rows per table with --data (default 50)", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated rows (default 1): the same seed gives the same rows", DefaultValueFactory = _ => 1 };
        var devUrl = new Option<string?>("--dev-url") { Description = "Create the scratch database on this server instead of the configured one" };
        var report = new Option<string?>("--report") { Description = "Also write a Markdown report to this file (for a pull request)" };
        var command = new Command("verify", "Test every revision up, down and up again on a scratch database (exit 3 on any mismatch)")
        {
            data, rows, seed, devUrl, report,
        };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var parse = invocation.Parse;
            if (parse.GetValue(rows) < 1)
            {
                throw new RatchetException(RatchetErrorKind.BadInput, $"--rows {parse.GetValue(rows)}: give at least 1 row per table");
            }

            var graph = invocation.RequireRevisions();
            var engine = invocation.Engine();
            if (parse.GetValue(devUrl) is { } dev)
            {
                var url = DatabaseUrl.Parse(dev);
                var other = EngineFactory.Create(invocation.Settings with { Url = url, UrlBaseDirectory = invocation.Environment.WorkingDirectory });
                if (other.Dialect.Name != engine.Dialect.Name)
                {
                    throw new RatchetException(RatchetErrorKind.BadInput,
                        $"--dev-url {url.Redacted} is a {other.Dialect.Name} server and the migrations run on {engine.Dialect.Name}: verify on the same engine");
                }

                engine = other;
            }

            var options = new VerifyOptions { Data = parse.GetValue(data), RowsPerTable = parse.GetValue(rows), Seed = parse.GetValue(seed) };
            var output = new VerifyOutput(invocation);
            VerifyReport result;
            await using (var scratch = await engine.CreateScratchAsync(cancellationToken))
            {
                output.Started(scratch.Engine.DisplayName, graph.Count, options);
                result = await new StairwayVerifier(scratch.Engine, graph, options).VerifyAsync(output.Verdict, cancellationToken);
            }

            output.Finished(result);
            Knowledge.VerifiedRecord.Save(DocsCommand.VerifyRecords(invocation), Knowledge.VerifiedRecord.From(result));
            if (parse.GetValue(report) is { } file)
            {
                var path = Path.Combine(invocation.Environment.WorkingDirectory, file);
                await File.WriteAllTextAsync(path, VerifyMarkdown.Write(result), cancellationToken);
                if (!invocation.Json)
                {
                    invocation.Line($"Wrote the report to {Invocation.E(file)}");
                }
            }

            return result.Passed ? 0 : (int)RatchetErrorKind.CheckFailed;
        });
        return command;
    }
}
