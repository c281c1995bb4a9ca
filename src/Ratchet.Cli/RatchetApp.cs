using System.CommandLine;
using Ratchet.Cli.Commands;

namespace Ratchet.Cli;

/// <summary>The <c>ratchet</c> command line: builds the commands and runs one.</summary>
internal static class RatchetApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var options = new GlobalOptions();
        var runner = new CommandRunner(environment, options);
        // A plain command named "ratchet" rather than RootCommand, whose name would be the assembly's (Ratchet.Cli).
        var root = new Command("ratchet", "Ratchet: versioned, reversible, checked database migrations.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        Command[] commands =
        [
            InitCommand.Create(runner), NewCommand.Create(runner), StatusCommand.Create(runner), HistoryCommand.Create(runner),
            HeadsCommand.Create(runner), UpCommand.Create(runner), DownCommand.Create(runner), PlanCommand.Create(runner),
            StampCommand.Create(runner), MergeCommand.Create(runner), ValidateCommand.Create(runner), GraphCommand.Create(runner), RepairCommand.Create(runner), InspectCommand.Create(runner), DiffCommand.Create(runner), VerifyCommand.Create(runner), LintCommand.Create(runner), DocsCommand.Create(runner), PreflightCommand.Create(runner), AdoptCommand.Create(runner), ConvertCommand.Create(runner),
            OnlineCommands.Start(runner), OnlineCommands.Complete(runner), OnlineCommands.Abort(runner),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(RelativeTargets.Protect(args));
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($"error: {error.Message}");
            }

            if (args.Contains("--json"))
            {
                var document = Output.JsonShapes.Error(new RatchetException(RatchetErrorKind.BadInput, string.Join("; ", parse.Errors.Select(e => e.Message))));
                await environment.Out.WriteLineAsync(document.ToJsonString());
            }

            await environment.Error.WriteLineAsync("  hint: see `ratchet --help`");
            return (int)RatchetErrorKind.BadInput;
        }

        // ProcessTerminationTimeout = null: Program.cs owns SIGINT and SIGTERM. With System.CommandLine's default of two
        // seconds it also handles them and exits 130 (143) when the rollback after Ctrl-C takes longer than that, which
        // on a slow machine cut a cancelled run short of its `fail` log row and its documented exit code 1.
        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
