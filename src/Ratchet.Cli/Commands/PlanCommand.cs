using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Execution;
using Ratchet.Revisions;
using Spectre.Console;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet plan [TARGET]</c>: what up (or, with <c>--down</c>, down) would do. With <c>--sql</c> it prints the exact
/// SQL and never opens the database: it assumes an empty database, or one at <c>--from</c>.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CommandRunner runner)
    {
        var target = new Argument<string?>("target") { Description = "Target (default: head, or -1 with --down)", DefaultValueFactory = _ => null };
        var down = new Option<bool>("--down") { Description = "Plan a downgrade" };
        var sql = new Option<bool>("--sql") { Description = "Print the exact SQL, offline: no database is opened" };
        var from = new Option<string?>("--from") { Description = "With --sql: assume the database is at this revision (default: empty for up, at the heads for down)" };
        var command = new Command("plan", "Show what up or down would do, or print its SQL offline") { target, down, sql, from };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var parse = invocation.Parse;
            var graph = invocation.RequireRevisions();
            var direction = parse.GetValue(down) ? Direction.Down : Direction.Up;
            var goal = Target.Parse(parse.GetValue(target) ?? (direction == Direction.Up ? "head" : "-1"));
            var engine = invocation.Engine();
            if (parse.GetValue(sql))
            {
                var applied = AssumedApplied(graph, direction, parse.GetValue(from));
                var offline = direction == Direction.Up ? Planner.PlanUp(graph, applied, goal) : Planner.PlanDown(graph, applied, goal);
                var header = $"ratchet plan --sql ({engine.Dialect.Name}), offline from {(applied.Count == 0 ? "an empty database" : string.Join(", ", CurrentOf(graph, applied)))}";
                var text = ScriptWriter.Write(offline, engine.Dialect, engine.HistoryTables, header);
                if (invocation.Json)
                {
                    invocation.WriteJson(new JsonObject { ["plan"] = JsonShapes.Plan(offline), ["sql"] = text });
                }
                else
                {
                    invocation.Environment.Out.Write(text);
                }

                return 0;
            }

            var plan = await new Migrator(engine, graph).PlanAsync(direction, goal, cancellationToken);
            if (invocation.Json)
            {
                invocation.WriteJson(JsonShapes.Plan(plan));
                return 0;
            }

            if (plan.IsEmpty)
            {
                invocation.Line($"Nothing to do for {E(direction.ToString().ToLowerInvariant())} {E(goal.Text)}.");
                return 0;
            }

            var table = new Table().AddColumns("#", "Step", "Revision", "Message", "Transaction", "File");
            for (var i = 0; i < plan.Steps.Count; i++)
            {
                var step = plan.Steps[i];
                table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), step.Direction.ToString().ToLowerInvariant(),
                    E(step.Revision.Id), E(step.Revision.Message), step.Revision.Transactional ? "yes" : "[yellow]off[/]", E(step.Revision.Source.File));
            }

            invocation.Console.Write(table);
            return 0;
        });
        return command;
    }

    private static List<string> AssumedApplied(RevisionGraph graph, Direction direction, string? from)
    {
        if (from is not null)
        {
            var closure = graph.AncestorsAndSelf(graph.Resolve(from).Id);
            return graph.Ordered.Where(r => closure.Contains(r.Id)).Select(r => r.Id).ToList();
        }

        return direction == Direction.Up ? [] : graph.Ordered.Select(r => r.Id).ToList();
    }

    private static IEnumerable<string> CurrentOf(RevisionGraph graph, List<string> applied) =>
        applied.Where(id => !graph.DependentsOf(id).Any(applied.Contains));
}
