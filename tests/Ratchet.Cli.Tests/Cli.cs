using System.Diagnostics;
using Spectre.Console;

namespace Ratchet.Cli.Tests;

/// <summary>Runs the tool in-process (fast, output captured) or as a real process (for concurrency and kill tests).</summary>
public static class Cli
{
    /// <summary>Runs <c>ratchet args</c> in <paramref name="workingDirectory"/> with only the given environment variables.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var env = new CliEnvironment
        {
            WorkingDirectory = workingDirectory,
            GetVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            Out = stdout,
            Error = stderr,
            Console = console,
            IsTerminal = false,
        };
        var code = await RatchetApp.RunAsync(args, env);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs in-process with no environment variables.</summary>
    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);

    /// <summary>Starts <c>dotnet Ratchet.Cli.dll args</c> as a separate process.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    /// <summary>Starts <c>dotnet Ratchet.Cli.dll args</c> as a separate process with extra environment variables.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ratchet.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("RATCHET_URL");
        start.Environment.Remove("DATABASE_URL");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs a separate process to the end.</summary>
    public static Task<CliResult> RunProcessAsync(string workingDirectory, params string[] args) => RunProcessAsync(workingDirectory, null, args);

    /// <summary>Runs a separate process to the end, with extra environment variables.</summary>
    public static async Task<CliResult> RunProcessAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
