namespace Ratchet.Cli.Tests;

/// <summary>What one run of the tool gave: exit code, standard output, standard error.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
