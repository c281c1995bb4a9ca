using System.CommandLine;
using Ratchet.Revisions;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet down [TARGET]</c>: reverts revisions (default: the last one, <c>-1</c>).</summary>
internal static class DownCommand
{
    public static Command Create(CommandRunner runner)
    {
        var target = new Argument<string>("target") { Description = "-1 (default), -N, base, a revision id to go back to, label@base, rev@-N", DefaultValueFactory = _ => "-1" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the exact SQL that would run; run nothing" };
        var command = new Command("down", "Revert applied revisions") { target, dryRun };
        runner.SetAction(command, (invocation, cancellationToken) => MigrationRun.ExecuteAsync(
            invocation, Direction.Down, Target.Parse(invocation.Parse.GetValue(target)!), invocation.Parse.GetValue(dryRun), cancellationToken));
        return command;
    }
}
