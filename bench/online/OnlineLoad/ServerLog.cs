using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OnlineLoad;

/// <summary>A lock wait the server logged (log_lock_waits: only waits longer than deadlock_timeout appear).</summary>
internal sealed record LockWait(DateTime? At, string App, string What, double Ms, string Line);

/// <summary>
/// Reads the part of the server log written during this run, with log_line_prefix = '%m [%p] %a ':
/// <c>2026-01-01 10:00:00.123 UTC [4242] load-3 LOG:  process 4242 still waiting for RowExclusiveLock on relation 16390 of database 16384 after 10.088 ms</c>.
/// </summary>
internal static partial class ServerLog
{
    public static long Length(string? path) => path is not null && File.Exists(path) ? new FileInfo(path).Length : 0;

    public static (List<LockWait> Waits, List<string> Notable, int NotableCount) Read(string path, long offset)
    {
        var waits = new List<LockWait>();
        var notable = new List<string>();
        var notableCount = 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var followPid = "";
        var follow = 0;
        while (reader.ReadLine() is { } line)
        {
            var m = Prefix().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var (app, level, message, pid) = (m.Groups["app"].Value, m.Groups["level"].Value, m.Groups["msg"].Value, m.Groups["pid"].Value);
            if (follow > 0 && pid == followPid && level is "DETAIL" or "STATEMENT" or "CONTEXT" or "HINT")
            {
                follow--;
                if (notable.Count < 40)
                {
                    notable.Add("      " + line);
                }

                continue;
            }

            follow = 0;
            if (level is "ERROR" or "FATAL" or "PANIC" or "WARNING")
            {
                notableCount++;
                if (notable.Count < 40)
                {
                    notable.Add("    " + line);
                }

                (followPid, follow) = (pid, 2);
            }

            if (!app.StartsWith("load-", StringComparison.Ordinal))
            {
                continue;
            }

            var w = Wait().Match(message);
            if (w.Success)
            {
                DateTime? at = m.Groups["tz"].Value is "UTC" or "GMT"
                    && DateTime.TryParse(m.Groups["ts"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
                    ? t : null;
                waits.Add(new LockWait(at, app, w.Groups["what"].Value, double.Parse(w.Groups["ms"].Value, CultureInfo.InvariantCulture), line));
            }
        }

        return (waits, notable, notableCount);
    }

    [GeneratedRegex(@"^(?<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?) (?<tz>\S+) \[(?<pid>\d+)\] (?<app>\S*) (?<level>[A-Z0-9]+):\s+(?<msg>.*)$")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^process \d+ (?<what>still waiting for|acquired|avoided deadlock for|detected deadlock while waiting for) .*? after (?<ms>\d+(?:\.\d+)?) ms")]
    private static partial Regex Wait();
}
