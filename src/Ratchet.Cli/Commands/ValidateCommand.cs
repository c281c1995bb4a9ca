using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet validate</c>: the files match the history (exit 3 when they do not).</summary>
internal static class ValidateCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("validate", "Check that applied revisions' files are unchanged, present and complete (exit 3 if not)");
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var graph = invocation.RequireRevisions();
            var problems = await invocation.Migrator(graph).ValidateAsync(cancellationToken);
            var code = problems.Count == 0 ? 0 : (int)RatchetErrorKind.CheckFailed;
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject
                {
                    ["valid"] = problems.Count == 0,
                    ["problems"] = new JsonArray(problems.Select(p => (JsonNode)JsonShapes.Problem(p)).ToArray()),
                });
                return code;
            }

            if (problems.Count == 0)
            {
                invocation.Line($"Valid: {graph.Count} revision file(s) match the database's history.");
                return 0;
            }

            foreach (var problem in problems)
            {
                invocation.Environment.Error.WriteLine($"{problem.Kind.ToString().ToLowerInvariant()}: {problem.Message}");
            }

            invocation.Environment.Error.WriteLine($"error: {problems.Count} problem(s) found");
            return code;
        });
        return command;
    }
}
