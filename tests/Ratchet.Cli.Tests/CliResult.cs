using System.Text.Json;

namespace Ratchet.Cli.Tests;

/// <summary>What one run of the tool gave: exit code, standard output, standard error.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    /// <summary>The <c>--json</c> events of standard output (one JSON object per line), those named <paramref name="name"/> when given.</summary>
    public List<JsonElement> Events(string? name = null) => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .Where(e => name is null || e.GetProperty("event").GetString() == name)
        .ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
