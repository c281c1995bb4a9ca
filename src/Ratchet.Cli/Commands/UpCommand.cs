using System.CommandLine;
using Ratchet.Revisions;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet up [TARGET]</c>: applies pending revisions (default: to the single head).</summary>
internal static class UpCommand
{
    public static Command Create(CommandRunner runner)
    {
        var target = new Argument<string>("target") { Description = "head (default), heads, a revision id or prefix, +N, label@head, rev@+N", DefaultValueFactory = _ => "head" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the exact SQL that would run; run nothing" };
        var single = new Option<bool>("--single-transaction") { Description = "Run every pending revision in one transaction: all apply, or none (all must be transactional)" };
        var withOnline = new Option<bool>("--with-online") { Description = "Run online revisions whole (start, then complete) instead of stopping at them: for a database no application uses" };
        var command = new Command("up", "Apply pending revisions") { target, dryRun, single, withOnline };
        runner.SetAction(command, (invocation, cancellationToken) => MigrationRun.ExecuteAsync(
            invocation, Direction.Up, Target.Parse(invocation.Parse.GetValue(target)!), invocation.Parse.GetValue(dryRun), cancellationToken,
            invocation.Parse.GetValue(single), invocation.Parse.GetValue(withOnline)));
        return command;
    }
}
