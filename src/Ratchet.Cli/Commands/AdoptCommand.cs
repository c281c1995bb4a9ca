using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Adoption;
using Ratchet.Cli.Output;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet adopt --from TOOL</c>: takes over a database another tool migrated. Its history table is read, each
/// entry mapped to a revision, and, when all map and none failed, those revisions are recorded as stamped (nothing
/// runs). An entry that maps to nothing, a failed or dirty one, or a gap writes nothing: exit 3 with each listed.
/// </summary>
internal static class AdoptCommand
{
    public static Command Create(CommandRunner runner)
    {
        var from = new Option<string>("--from") { Description = $"The tool that migrated the database: {string.Join(", ", ForeignTools.Names)}", Required = true };
        from.AcceptOnlyFromAmong([.. ForeignTools.Names]);
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the mapping; write nothing" };
        var command = new Command("adopt", "Take over a database another tool migrated: record its applied migrations as Ratchet revisions (nothing runs)") { from, dryRun };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var tool = invocation.Parse.GetValue(from)!;
            var graph = invocation.RequireRevisions();
            var write = !invocation.Parse.GetValue(dryRun);
            var (table, plan) = await invocation.Migrator(graph).AdoptAsync(tool, write, cancellationToken);
            var code = plan.Clean ? 0 : (int)RatchetErrorKind.CheckFailed;
            if (plan.Clean && write)
            {
                await invocation.DecideAsync($"adopt from {tool} ({table}) on {invocation.Engine().DisplayName}: recorded {plan.Applied.Count} revision(s) as applied " +
                    $"({(plan.Applied.Count == 0 ? "none" : $"{plan.Applied[0].Id} to {plan.Applied[^1].Id}")}) without running them", cancellationToken);
            }

            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject
                {
                    ["tool"] = tool,
                    ["table"] = table,
                    ["written"] = plan.Clean && write,
                    ["applied"] = JsonShapes.Strings(plan.Applied.Select(r => r.Id)),
                    ["mapped"] = new JsonArray(plan.Mapped.Select(m => (JsonNode)new JsonObject { ["entry"] = m.Entry.Shown, ["revision"] = m.Revision.Id }).ToArray()),
                    ["unmapped"] = new JsonArray(plan.Unmapped.Select(u => (JsonNode)new JsonObject { ["entry"] = u.Entry.Shown, ["why"] = u.Why }).ToArray()),
                    ["broken"] = new JsonArray(plan.Broken.Select(b => (JsonNode)new JsonObject { ["entry"] = b.Entry.Shown, ["fix"] = b.Fix }).ToArray()),
                    ["gaps"] = JsonShapes.Strings(plan.Gaps),
                });
                return code;
            }

            invocation.Line($"{E(tool)} history in {E(table)}: {plan.Mapped.Count + plan.Unmapped.Count + plan.Broken.Count} entr(ies)");
            foreach (var (entry, revision) in plan.Mapped)
            {
                invocation.Line($"  {E(entry.Shown)} -> {E(revision.Id)} ({E(revision.Source.File)})");
            }

            foreach (var (entry, why) in plan.Unmapped)
            {
                invocation.Line($"  [red]{E(entry.Shown)}: {E(why)}[/]");
            }

            foreach (var (entry, fix) in plan.Broken)
            {
                invocation.Line($"  [red]{E(entry.Shown)}: {E(fix)}[/]");
            }

            foreach (var gap in plan.Gaps)
            {
                invocation.Line($"  [red]{E(gap)}[/]");
            }

            invocation.Line(!plan.Clean ? "[red]Nothing was written:[/] every entry must map to a revision, and none may be failed or dirty."
                : write ? $"Recorded {plan.Applied.Count} revision(s) as applied (stamped); nothing was run. `ratchet status` now shows what is pending."
                : $"Would record {plan.Applied.Count} revision(s) as applied; run without --dry-run to write them.");
            return code;
        });
        return command;
    }
}
