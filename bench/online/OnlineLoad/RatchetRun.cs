using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnlineLoad;

/// <summary>One run of the ratchet CLI as a child process: its NDJSON events (with <c>--json</c>), exit code and stderr.</summary>
internal sealed record RatchetRun(string Command, int ExitCode, IReadOnlyList<JsonObject> Events, IReadOnlyList<string> OtherLines, string Stderr, TimeSpan Elapsed)
{
    /// <summary>Each completed step's window in Stopwatch ticks: from its arrival time less its duration to its arrival.</summary>
    public IReadOnlyList<(string Step, long From, long To)> Steps { get; init; } = [];

    /// <summary>Stopwatch ticks when the process was started and when it exited.</summary>
    public (long From, long To) Window { get; init; }

    public string? VersionSchema => Events.LastOrDefault(e => Str(e, "event") == "summary") is { } s ? Str(s, "versionSchema") : null;

    /// <summary>Rows the backfill wrote (the last backfill event's done) over the backfill step's duration.</summary>
    public (long Done, double Seconds, double LastRate)? Backfill
    {
        get
        {
            var last = Events.LastOrDefault(e => Str(e, "event") == "backfill");
            var steps = Events.Where(e => Str(e, "event") == "stepCompleted" && (Str(e, "step") ?? "").EndsWith(".backfill", StringComparison.Ordinal)).ToList();
            if (last is null || steps.Count == 0)
            {
                return null;
            }

            var ms = steps.Sum(e => Num(e, "durationMs"));
            return ((long)Num(last, "done"), ms / 1000.0, Num(last, "rate"));
        }
    }

    /// <summary>The backfill's batches: how many, the first and largest batch size, the time spent inside batches.</summary>
    public (int Count, double FirstSize, double MaxSize, double BatchSeconds) Batches
    {
        get
        {
            var batches = Events.Where(e => Str(e, "event") == "backfill").ToList();
            return batches.Count == 0 ? default
                : (batches.Count, Num(batches[0], "batchSize"), batches.Max(e => Num(e, "batchSize")), batches.Sum(e => Num(e, "batchMs")) / 1000.0);
        }
    }

    public int Retries => Events.Count(e => Str(e, "event") == "retrying");

    public static string? Str(JsonObject e, string name) => e.TryGetPropertyValue(name, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static double Num(JsonObject e, string name) =>
        e.TryGetPropertyValue(name, out var v) && v is JsonValue value && value.TryGetValue<double>(out var d) ? d : 0;

    public static async Task<RatchetRun> RunAsync(Options options, string url, IReadOnlyList<string> args, bool echo)
    {
        var info = new ProcessStartInfo(options.Ratchet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(options.Dir) ?? ".",
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add("--url");
        info.ArgumentList.Add(url);
        info.ArgumentList.Add("--dir");
        info.ArgumentList.Add(options.Dir);
        var command = "ratchet " + string.Join(' ', args);
        var events = new List<JsonObject>();
        var other = new List<string>();
        var from = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {options.Ratchet}");
        var stderr = process.StandardError.ReadToEndAsync();
        var lastBackfillLine = TimeSpan.FromSeconds(-10);
        var steps = new List<(string Step, long From, long To)>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            JsonObject? e = null;
            if (line.StartsWith('{'))
            {
                try
                {
                    e = JsonNode.Parse(line) as JsonObject;
                }
                catch (JsonException)
                {
                }
            }

            if (e is null)
            {
                other.Add(line);
                if (echo)
                {
                    Console.WriteLine($"    | {line}");
                }

                continue;
            }

            events.Add(e);
            if (Str(e, "event") == "stepCompleted")
            {
                var now = Stopwatch.GetTimestamp();
                steps.Add((Str(e, "step") ?? "?", now - (long)(Num(e, "durationMs") * Stopwatch.Frequency / 1000), now));
            }

            if (!echo)
            {
                continue;
            }

            var at = Stopwatch.GetElapsedTime(from);
            var t = at.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            switch (Str(e, "event"))
            {
                case "stepCompleted":
                    Console.WriteLine($"    | {t,6}s  {Str(e, "step")}: {Num(e, "durationMs").ToString(CultureInfo.InvariantCulture)} ms");
                    break;
                case "retrying":
                    Console.WriteLine($"    | {t,6}s  lock timeout in {Str(e, "step")}: attempt {Num(e, "attempt")} of {Num(e, "maxAttempts")}, " +
                        $"retry in {Num(e, "delayMs")} ms; blockers: {e["blockers"]?.ToJsonString()}");
                    break;
                case "backfill" when at - lastBackfillLine > TimeSpan.FromSeconds(3) || Num(e, "done") >= Num(e, "total"):
                    lastBackfillLine = at;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    | {t,6}s  backfill {Num(e, "done"):0}/{Num(e, "total"):0} rows, {Num(e, "rate"):0} rows/s, batch {Num(e, "batchSize"):0} rows in {Num(e, "batchMs"):0} ms"));
                    break;
                case "phaseCompleted":
                    Console.WriteLine($"    | {t,6}s  phase {Str(e, "phase")} completed in {Num(e, "durationMs")} ms");
                    break;
                case "summary":
                    Console.WriteLine($"    | {t,6}s  summary: state {Str(e, "state")}, version schema {Str(e, "versionSchema") ?? "-"}");
                    break;
                case "drift":
                    Console.WriteLine($"    | {t,6}s  drift: {e["differences"]?.ToJsonString()}");
                    break;
                default:
                    break;
            }
        }

        await process.WaitForExitAsync();
        var errors = await stderr;
        var to = Stopwatch.GetTimestamp();
        return new RatchetRun(command, process.ExitCode, events, other, errors, Stopwatch.GetElapsedTime(from, to)) { Steps = steps, Window = (from, to) };
    }
}
