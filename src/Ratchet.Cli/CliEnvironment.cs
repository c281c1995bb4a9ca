using Spectre.Console;

namespace Ratchet.Cli;

/// <summary>
/// What one invocation of the tool sees of the outside world: its working directory, environment variables and
/// output streams. Tests build their own, so the tool runs in-process without touching process-wide state.
/// </summary>
internal sealed record CliEnvironment
{
    public required string WorkingDirectory { get; init; }

    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>Machine-readable output (JSON, SQL) goes here unformatted.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Errors and warnings.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Human-readable output: tables, colours, progress.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Whether standard output is an interactive terminal (progress bars are shown only then).</summary>
    public bool IsTerminal { get; init; }

    public static CliEnvironment FromProcess()
    {
        var interactive = !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 200;
        }

        return new CliEnvironment
        {
            WorkingDirectory = Directory.GetCurrentDirectory(),
            GetVariable = Environment.GetEnvironmentVariable,
            Out = System.Console.Out,
            Error = System.Console.Error,
            Console = console,
            IsTerminal = interactive,
        };
    }
}
