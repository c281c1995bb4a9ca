using System.Globalization;

namespace Ratchet.Knowledge;

/// <summary>
/// The team's decisions log (<c>kb/decisions.log</c>): one line per decision-producing command, only ever appended,
/// <c>[YYYY-MM-DD HH:MM] [db-migration] Decision: what</c> (UTC), the reason after it when one was given.
/// </summary>
public static class DecisionLog
{
    /// <summary>The line for a decision.</summary>
    public static string Line(DateTime utc, string what, string? reason) =>
        string.Create(CultureInfo.InvariantCulture, $"[{utc:yyyy-MM-dd HH:mm}] [db-migration] Decision: {Flat(what)}")
        + (string.IsNullOrWhiteSpace(reason) ? "" : $" Reason: {Flat(reason)}");

    /// <summary>Appends one line to the log at <paramref name="path"/> (the folder is created when missing).</summary>
    public static async Task AppendAsync(string path, DateTime utc, string what, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var separate = File.Exists(path) && new FileInfo(path).Length > 0 && !EndsWithNewline(path);
        await File.AppendAllTextAsync(path, (separate ? "\n" : "") + Line(utc, what, reason) + "\n", cancellationToken).ConfigureAwait(false);
    }

    private static bool EndsWithNewline(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() == '\n';
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
