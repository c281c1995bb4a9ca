using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace OnlineLoad;

/// <summary>
/// Load harness for Ratchet's online int -> bigint change on PostgreSQL (bench/online/README.md). Prints a report;
/// exits 0 whatever the figures, 1 when the setup failed, 2 when a migration command (ratchet start/complete, the
/// plain ALTER) failed.
/// </summary>
internal static class Program
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> Main(string[] args)
    {
        Options o;
        try
        {
            o = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            if (e.Message.Length > 0)
            {
                await Console.Error.WriteLineAsync(e.Message);
            }

            await Console.Error.WriteLineAsync(Options.Usage);
            return 1;
        }

        var logOffset = ServerLog.Length(o.Log);
        var cs = ConnectionString(o.Url);
        string version;
        (double? Plain, double? Indexed) unbatched;
        try
        {
            version = (string)(await ScalarAsync(cs, "SELECT version()"))!;
            Header(o, version);
            unbatched = await SetupAsync(o, cs);
        }
#pragma warning disable CA1031 // any setup failure ends the run with exit 1
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"setup failed: {e.Message}");
            return 1;
        }

        if (o.Mode == "backfill")
        {
            return await BackfillOnlyAsync(o, unbatched.Indexed);
        }

        var marks = new List<(string Label, long Ticks, DateTime Utc)>();
        void Mark(string label)
        {
            marks.Add((label, Stopwatch.GetTimestamp(), DateTime.UtcNow));
            Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] phase {label}");
        }

        var phase = TimeSpan.FromSeconds(o.PhaseSeconds);
        var load = new Load(cs, o);
        Console.WriteLine();
        Console.WriteLine($"load: {o.Clients} clients, {o.Tps} tx/s in all (open loop), warm-up {o.WarmupSeconds.ToString(Inv)} s (not counted), {o.PhaseSeconds.ToString(Inv)} s per timed phase");
        load.Start();
        await Task.Delay(TimeSpan.FromSeconds(o.WarmupSeconds));
        Mark("baseline");
        await Task.Delay(phase);
        var runs = new List<RatchetRun>();
        var migrationFailed = false;
        double? alterMs = null;
        if (o.Online)
        {
            Mark("start");
            var start = await RatchetRun.RunAsync(o, o.Url, ["start", "--json"], echo: true);
            runs.Add(start);
            await RestOfPhaseAsync(start.Command, start.Window.From, phase);
            if (start.ExitCode == 0)
            {
                Mark("window");
                load.NewCodeSchema = start.VersionSchema ?? "rv_002";
                Console.WriteLine($"    clients {string.Join(", ", Enumerable.Range(0, o.Clients).Where(i => i % 2 == 1).Select(i => $"load-{i}"))} reconnect as new code (search_path {load.NewCodeSchema}, public)");
                await Task.Delay(phase);
                Mark("complete");
                var complete = await RatchetRun.RunAsync(o, o.Url, ["complete", "--json"], echo: true);
                runs.Add(complete);
                await RestOfPhaseAsync(complete.Command, complete.Window.From, phase);
                migrationFailed = complete.ExitCode != 0;
            }
            else
            {
                migrationFailed = true;
            }

            Mark("after");
            load.NewCodeSchema = null;
            Console.WriteLine("    new-code clients reconnect with the default search_path");
        }
        else
        {
            Mark("alter");
            var watch = Stopwatch.StartNew();
            try
            {
                await ExecAsync(cs, "ALTER TABLE items ALTER COLUMN id TYPE bigint", "plain-alter");
                alterMs = watch.Elapsed.TotalMilliseconds;
                Console.WriteLine($"    ALTER TABLE items ALTER COLUMN id TYPE bigint: {alterMs:0} ms");
            }
            catch (NpgsqlException e)
            {
                migrationFailed = true;
                Console.WriteLine($"    ALTER TABLE failed: {e.Message}");
            }

            await RestOfPhaseAsync("the ALTER TABLE", marks[^1].Ticks, phase);

            Mark("after");
        }

        await Task.Delay(phase);
        var samples = await load.StopAsync();
        var end = Stopwatch.GetTimestamp();
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] load stopped");

        foreach (var run in runs.Where(r => r.ExitCode != 0 || r.Stderr.Length > 0))
        {
            Console.WriteLine();
            Console.WriteLine($"{run.Command} exited {run.ExitCode} after {run.Elapsed.TotalMilliseconds:0} ms; stderr:");
            Console.WriteLine(Indent(run.Stderr.Trim()));
            foreach (var line in run.OtherLines)
            {
                Console.WriteLine($"  stdout: {line}");
            }
        }

        return await ReportAsync(o, cs, version, marks, end, samples, runs, unbatched.Plain, unbatched.Indexed, alterMs, logOffset, migrationFailed);
    }

    /// <summary>
    /// A migration phase lasts as long as its command and at least a phase's length, so that its p99 rests on as many
    /// transactions as the baseline's: `ratchet complete` takes well under a second, and the p99 of its ~100
    /// transactions would be their maximum, which the baseline's own maximum exceeds several times over. The command's
    /// own window is reported beside it (by ratchet step).
    /// </summary>
    private static async Task RestOfPhaseAsync(string command, long from, TimeSpan phase)
    {
        var rest = phase - Stopwatch.GetElapsedTime(from);
        if (rest > TimeSpan.Zero)
        {
            Console.WriteLine($"    {command} is done; the phase goes on for {rest.TotalSeconds:0.0} s more (a phase lasts at least {phase.TotalSeconds:0} s)");
            await Task.Delay(rest);
        }
    }

    private static void Header(Options o, string version)
    {
        Console.WriteLine($"OnlineLoad, mode {o.Mode}: items.id int -> bigint with {o.Rows:N0} rows under {o.Tps} tx/s from {o.Clients} clients " +
            "(50% SELECT by id, 40% UPDATE by id, 10% INSERT; one statement per transaction)");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores (nproc), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"server: {version}");
        Console.WriteLine("compared against:");
        Console.WriteLine("  - the baseline phase (same load, no migration running): each phase's p99 vs baseline p99");
        if (o.Online)
        {
            Console.WriteLine("  - one unbatched UPDATE items_copy SET x = id::bigint on an unloaded copy of items with its indexes (the same table, no load): ratchet's backfill rows/s vs its rows/s");
            Console.WriteLine("    (for information: the same UPDATE on a copy without indexes, to show how much of the cost is index maintenance)");
            Console.WriteLine("  - plain mode (a separate run): ALTER TABLE items ALTER COLUMN id TYPE bigint under the same load");
        }
        else
        {
            Console.WriteLine("  - this is the contrast run: the plain, blocking ALTER TABLE (expect the lock checks to fail)");
        }
    }

    /// <summary>
    /// The backfill engine alone: no clients, flat out with the settings docs/online.md gives for a quiet database (no
    /// pause between batches, 25 ms batches: `--pause 0ms --batch-time 25ms`), against the same unbatched
    /// UPDATE of the same table with no load. What batching itself costs, apart from the pacing chosen for a live load.
    /// </summary>
    private static async Task<int> BackfillOnlyAsync(Options o, double? unbatched)
    {
        Console.WriteLine();
        Console.WriteLine("backfill alone: ratchet start --pause 0ms --batch-time 25ms (a quiet database's settings) with no load, then ratchet complete");
        var start = await RatchetRun.RunAsync(o, o.Url, ["start", "--json", "--pause", "0ms", "--batch-time", "25ms"], echo: false);
        var complete = start.ExitCode == 0 ? await RatchetRun.RunAsync(o, o.Url, ["complete", "--json"], echo: false) : null;
        if (start.ExitCode != 0 || complete?.ExitCode != 0)
        {
            Console.WriteLine($"ratchet start/complete failed: {start.Stderr.Trim()} {complete?.Stderr.Trim()}");
            return 2;
        }

        var (done, seconds, _) = start.Backfill ?? (0, 0, 0);
        var rate = seconds > 0 ? done / seconds : 0;
        var ratio = unbatched is { } u && u > 0 ? rate / u : 0;
        Console.WriteLine($"backfill with no load: {done:N0} rows in {seconds * 1000:0} ms = {rate:N0} rows/s; unbatched UPDATE of the same table: {unbatched:N0} rows/s; " +
            $"ratio {ratio.ToString("0.00", Inv)}");
        Console.WriteLine($"acceptance:\n  {(ratio >= 0.5 ? "PASS" : "FAIL")}  backfill rows/s >= 0.5x one unbatched UPDATE of the same table with no load: ratio {ratio.ToString("0.00", Inv)}");
        Console.WriteLine(new System.Text.Json.Nodes.JsonObject
        {
            ["mode"] = "backfill", ["rows"] = o.Rows, ["backfillRowsPerSecond"] = Math.Round(rate), ["unbatchedRowsPerSecond"] = unbatched is { } v ? Math.Round(v) : null,
            ["ratio"] = Math.Round(ratio, 3),
        }.ToJsonString());
        return 0;
    }

    /// <summary>
    /// Applies the base revision, loads the rows, and (online mode) times one unbatched UPDATE on an unloaded copy of
    /// the table (the acceptance reference), then on a copy with the same two indexes (for information: how much of
    /// the gap is index maintenance): their rows/s.
    /// </summary>
    private static async Task<(double? Plain, double? Indexed)> SetupAsync(Options o, string cs)
    {
        Console.WriteLine();
        Console.WriteLine($"setup: ratchet up {o.BaseRevision}, then {o.Rows:N0} rows");
        var up = await RatchetRun.RunAsync(o, o.Url, ["up", o.BaseRevision], echo: false);
        if (up.ExitCode != 0)
        {
            throw new InvalidOperationException($"ratchet up {o.BaseRevision} exited {up.ExitCode}: {up.Stderr.Trim()} {string.Join(" ", up.OtherLines)}");
        }

        var watch = Stopwatch.StartNew();
        await ExecAsync(cs, string.Create(Inv,
            $"INSERT INTO items (account, qty, note) SELECT g % 1000, 0, 'item ' || g FROM generate_series(1, {o.Rows}) AS g"));
        await ExecAsync(cs, "VACUUM ANALYZE items");
        Console.WriteLine($"  loaded and vacuumed in {watch.Elapsed.TotalSeconds:0.0} s");
        if (!o.Online)
        {
            await CheckpointAsync(cs);
            return (null, null);
        }

        var plain = await UnbatchedAsync(cs, indexed: false);
        var indexed = await UnbatchedAsync(cs, indexed: true);
        await CheckpointAsync(cs);
        return (plain, indexed);
    }

    private static async Task<double> UnbatchedAsync(string cs, bool indexed)
    {
        await ExecAsync(cs, "CREATE TABLE items_copy AS SELECT * FROM items");
        if (indexed)
        {
            await ExecAsync(cs, "ALTER TABLE items_copy ADD PRIMARY KEY (id)");
            await ExecAsync(cs, "CREATE INDEX items_copy_account ON items_copy (account)");
        }

        await ExecAsync(cs, "ALTER TABLE items_copy ADD COLUMN x bigint");
        await ExecAsync(cs, "VACUUM ANALYZE items_copy");
        await CheckpointAsync(cs);
        var watch = Stopwatch.StartNew();
        var rows = await ExecAsync(cs, "UPDATE items_copy SET x = id::bigint");
        var seconds = watch.Elapsed.TotalSeconds;
        await ExecAsync(cs, "DROP TABLE items_copy");
        var rate = rows / seconds;
        Console.WriteLine(indexed
            ? $"  reference: unbatched UPDATE items_copy SET x = id::bigint on a copy with items' two indexes (primary key, account), no load: {rows:N0} rows in {seconds * 1000:0} ms = {rate:N0} rows/s"
            : $"  for information, the same UPDATE on a copy without indexes: {rows:N0} rows in {seconds * 1000:0} ms = {rate:N0} rows/s");
        return rate;
    }

    private static async Task<int> ReportAsync(Options o, string cs, string version, List<(string Label, long Ticks, DateTime Utc)> marks, long end,
        List<Sample> samples, List<RatchetRun> runs, double? unbatched, double? unbatchedIndexed, double? alterMs, long logOffset, bool migrationFailed)
    {
        List<LockWait> waits = [];
        List<string> notable = [];
        var notableCount = 0;
        if (o.Log is not null && File.Exists(o.Log))
        {
            (waits, notable, notableCount) = ServerLog.Read(o.Log, logOffset);
        }

        var phases = new List<JsonObject>();
        var rowsOut = new List<string[]>();
        // The reference is the lower p99 of the two phases without a migration running (baseline, after), so that a slow
        // moment in one of them cannot flatter the migration's phases; both are printed.
        var windows = marks.Select((m, i) => (m.Label, From: m.Ticks, To: i + 1 < marks.Count ? marks[i + 1].Ticks : end)).ToList();
        double? PhaseP99(string label) =>
            windows.FindIndex(w => w.Label == label) is var i and >= 0 ? Percentile(Between(samples, windows[i].From, windows[i].To), 0.99, _ => true) : null;
        var (baselineOnly, after) = (PhaseP99("baseline"), PhaseP99("after"));
        var quiet = new[] { baselineOnly, after }.OfType<double>().Where(p => p > 0).ToList();
        double? baselineP99 = quiet.Count > 0 ? quiet.Min() : null;
        Console.WriteLine();
        Console.WriteLine($"reference p99: {baselineP99:0.0} ms, the lower of baseline ({baselineOnly:0.0} ms) and after ({after:0.0} ms), the phases without a migration running");
        var everyP99Ok = true;
        for (var i = 0; i < marks.Count; i++)
        {
            var (label, from, to) = windows[i];
            var fromUtc = marks[i].Utc;
            var toUtc = i + 1 < marks.Count ? marks[i + 1].Utc : DateTime.MaxValue;
            var these = Between(samples, from, to);
            var latencies = these.Select(s => s.LatencyMs).Order().ToArray();
            var p50 = Percentile(latencies, 0.50);
            var p99 = Percentile(latencies, 0.99);
            var p99Read = Percentile(these, 0.99, s => s.Kind == 'r');
            var p99Write = Percentile(these, 0.99, s => s.Kind != 'r');
            var max = latencies.Length == 0 ? 0 : latencies[^1];
            var statement = these.Count == 0 ? 0 : these.Max(s => s.StatementMs);
            var failed = these.Count(s => !s.Ok);
            var logged = waits.Where(w => w.At is { } at && at >= fromUtc && at < toUtc).Select(w => w.Ms).DefaultIfEmpty(0).Max();
            var seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
            double? ratio = baselineP99 is { } b && b > 0 ? p99 / b : null;
            if (label != "baseline" && ratio is { } r && r > 2)
            {
                everyP99Ok = false;
            }

            rowsOut.Add([label, F(seconds, "0.0"), these.Count.ToString(Inv), F(these.Count / Math.Max(seconds, 1e-9), "0"), failed.ToString(Inv),
                F(p50, "0.0"), F(p99, "0.0"), F(p99Read, "0.0"), F(p99Write, "0.0"), F(max, "0.0"), F(statement, "0.0"), ratio is { } x ? F(x, "0.00") + "x" : "-", F(logged, "0")]);
            phases.Add(new JsonObject
            {
                ["phase"] = label, ["seconds"] = Math.Round(seconds, 2), ["transactions"] = these.Count, ["failed"] = failed,
                ["p50Ms"] = Math.Round(p50, 2), ["p99Ms"] = Math.Round(p99, 2), ["p99ReadMs"] = Math.Round(p99Read, 2), ["p99WriteMs"] = Math.Round(p99Write, 2), ["maxMs"] = Math.Round(max, 2), ["maxStatementMs"] = Math.Round(statement, 2),
                ["p99Ratio"] = ratio is { } y ? Math.Round(y, 3) : null, ["longestLockWaitMs"] = Math.Round(logged, 1),
                ["newCodeTransactions"] = these.Count(s => s.NewCode),
            });
        }

        StepTable(runs, samples);
        var counted = samples.Where(s => marks.Count > 0 && s.Planned >= marks[0].Ticks).ToList();
        var failedTotal = counted.Count(s => !s.Ok);
        var longestWait = waits.Select(w => w.Ms).DefaultIfEmpty(0).Max();
        var maxStatement = counted.Select(s => s.StatementMs).DefaultIfEmpty(0).Max();
        var backfill = runs.FirstOrDefault(r => r.Command == "ratchet start --json")?.Backfill;
        double? backfillRate = backfill is { } bf && bf.Seconds > 0 ? bf.Done / bf.Seconds : null;
        // The reference is "one unbatched UPDATE of the same table": the same rows and the same indexes (a copy with
        // items' primary key and index), with no load. The copy without indexes is shown for information.
        double? backfillRatio = backfillRate is { } br && unbatchedIndexed is { } ub && ub > 0 ? br / ub : null;

        Console.WriteLine();
        Console.WriteLine($"results, mode {o.Mode} (latency = planned start, or the actual start when earlier, to commit, ms; rd = SELECTs, wr = UPDATEs and INSERTs; stmt = the statement alone; lock wait = longest the server logged for load-*)");
        Table(["phase", "secs", "txns", "tx/s", "failed", "p50", "p99", "p99 rd", "p99 wr", "max", "max stmt", "p99/ref", "lock wait"], rowsOut);

        if (failedTotal > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"failed transactions ({failedTotal}), by phase and error:");
            foreach (var g in counted.Where(s => !s.Ok).GroupBy(s => (Phase: PhaseOf(marks, s.Planned), s.Error)).OrderByDescending(g => g.Count()).Take(12))
            {
                Console.WriteLine($"  {g.Count(),6} x {g.Key.Phase}: {g.Key.Error} (clients {string.Join(",", g.Select(s => s.Client).Distinct().Order())}; " +
                    $"{g.Count(s => s.NewCode)} as new code; kinds {string.Join("", g.Select(s => s.Kind).Distinct().Order())})");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"lock waits: {(o.Log is null ? "no --log given" : $"{waits.Count} logged for load-* clients")}; longest {longestWait:0.0} ms " +
            "(the server logs only waits longer than deadlock_timeout = 10 ms; shorter waits are not seen here)");
        foreach (var w in waits.OrderByDescending(w => w.Ms).Take(5))
        {
            Console.WriteLine($"  {w.Line}");
        }

        Console.WriteLine($"longest single statement seen by a client: {maxStatement:0.0} ms; longest transaction from its planned start: " +
            $"{counted.Select(s => s.LatencyMs).DefaultIfEmpty(0).Max():0.0} ms");
        if (notableCount > 0)
        {
            Console.WriteLine($"server log: {notableCount} ERROR/WARNING line(s) since the harness started, setup included (first ones, with their DETAIL/STATEMENT):");
            notable.ForEach(Console.WriteLine);
        }

        if (o.Online)
        {
            Console.WriteLine();
            foreach (var run in runs)
            {
                Console.WriteLine($"{run.Command}: exit {run.ExitCode}, {run.Elapsed.TotalMilliseconds:0} ms wall (process included), {run.Retries} lock-timeout retr{(run.Retries == 1 ? "y" : "ies")}");
            }

            if (backfill is { } b)
            {
                Console.WriteLine($"backfill: {b.Done:N0} rows in {b.Seconds * 1000:0} ms (step start.*.backfill) = {backfillRate:N0} rows/s under load " +
                    $"(last event's rate: {b.LastRate:N0} rows/s)");
                var (batchCount, first, largest, inside) = runs[0].Batches;
                Console.WriteLine($"  {batchCount} batches, batch size {first:N0} at first, {largest:N0} at most; {inside * 1000:0} ms inside batches, " +
                    $"{Math.Max(b.Seconds - inside, 0) * 1000:0} ms between them (commit, checkpoint row, pacing)");
            }

            Console.WriteLine($"unbatched UPDATE of the same table (a copy with its indexes, no load): {unbatchedIndexed:N0} rows/s; ratio backfill/unbatched = {(backfillRatio is { } q ? q.ToString("0.00", Inv) : "-")}" +
                $" (for information, a copy without indexes: {unbatched:N0} rows/s, ratio {(backfillRate / unbatched is { } qi ? qi.ToString("0.00", Inv) : "-")})");
        }
        else if (alterMs is { } a)
        {
            Console.WriteLine($"plain ALTER: {a:0} ms with items under ACCESS EXCLUSIVE (table rewrite), {o.Rows / (a / 1000):N0} rows/s");
        }

        // The table after the run: the new type, and every committed insert present.
        var type = (string?)await ScalarAsync(cs, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'public.items'::regclass AND attname = 'id'");
        var count = Convert.ToInt64(await ScalarAsync(cs, "SELECT count(*) FROM public.items"), Inv);
        var inserted = samples.Count(s => s.Ok && s.Kind == 'i');
        var leftovers = Convert.ToInt64(await ScalarAsync(cs,
            "SELECT count(*) FROM pg_attribute WHERE attrelid = 'public.items'::regclass AND attname LIKE '\\_ratchet%' AND NOT attisdropped"), Inv);
        Console.WriteLine($"after the run: items.id is {type}; {count:N0} rows = {o.Rows:N0} loaded + {inserted:N0} committed inserts" +
            $"{(count == o.Rows + inserted ? "" : $" (MISMATCH: expected {o.Rows + inserted:N0})")}; {leftovers} _ratchet* column(s) left");

        var checks = new List<(string Key, string Name, bool Pass, string Detail)>
        {
            ("zeroFailed", "zero failed client transactions", failedTotal == 0, $"{failedTotal} failed"),
            ("lockWaitAtMost250ms", "longest logged lock wait <= 250 ms", longestWait <= 250, $"{longestWait:0.0} ms (waits < 10 ms are not logged)"),
            ("p99AtMost2xBaseline", "p99 of every phase <= 2x the reference p99", everyP99Ok && baselineP99 is not null,
                $"reference p99 {baselineP99:0.0} ms (the lower of baseline and after)"),
        };
        if (o.Online)
        {
            // Under load the backfill is paced ([online] batch_time / batch_pause) to spare the clients; its own
            // throughput against the unbatched UPDATE is the `backfill` mode's check (no load, no pause).
            Console.WriteLine($"(for information: the paced backfill under load ran at {backfillRatio:0.00}x the unbatched UPDATE; the throughput check is mode backfill's)");
        }

        checks.Add(("migratedNoRowLost", "migration ran to the end, items.id is bigint, no row lost", !migrationFailed && type == "bigint" && count == o.Rows + inserted && leftovers == 0,
            $"{(migrationFailed ? "migration command failed; " : "")}id {type}, {count:N0} rows"));
        Console.WriteLine();
        Console.WriteLine($"acceptance{(o.Online ? "" : " (plain mode is the contrast: failures are expected here)")}:");
        foreach (var (_, name, pass, detail) in checks)
        {
            Console.WriteLine($"  {(pass ? "PASS" : "FAIL")}  {name}: {detail}");
        }

        var summary = new JsonObject
        {
            ["mode"] = o.Mode, ["rows"] = o.Rows, ["tps"] = o.Tps, ["clients"] = o.Clients, ["phaseSeconds"] = o.PhaseSeconds,
            ["nproc"] = Environment.ProcessorCount, ["postgres"] = version,
            ["phases"] = new JsonArray([.. phases]),
            ["failed"] = failedTotal, ["longestLockWaitMs"] = Math.Round(longestWait, 1), ["maxStatementMs"] = Math.Round(maxStatement, 1),
            ["backfillRowsPerSecond"] = backfillRate is { } v1 ? Math.Round(v1) : null,
            ["unbatchedRowsPerSecond"] = unbatchedIndexed is { } v2 ? Math.Round(v2) : null,
            ["unbatchedNoIndexRowsPerSecond"] = unbatched is { } v5 ? Math.Round(v5) : null,
            ["ratio"] = backfillRatio is { } v3 ? Math.Round(v3, 3) : null,
            ["alterMs"] = alterMs is { } v4 ? Math.Round(v4) : null,
            ["migrationFailed"] = migrationFailed,
            ["checks"] = new JsonObject(checks.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Pass)))),
        };
        Console.WriteLine();
        Console.WriteLine(summary.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return migrationFailed ? 2 : 0;
    }

    /// <summary>
    /// For information: the clients' latency while each ratchet step ran (planned start inside the step's window), to
    /// tell which step a phase's p99 comes from. Steps shorter than 1 s hold few samples: their p99 is near their max.
    /// </summary>
    private static void StepTable(List<RatchetRun> runs, List<Sample> samples)
    {
        var rows = new List<string[]>();
        foreach (var (step, from, to) in runs.SelectMany(r => r.Steps.Prepend((r.Command + " (the whole process)", r.Window.From, r.Window.To))))
        {
            var these = Between(samples, from, to);
            var latencies = these.Select(s => s.LatencyMs).Order().ToArray();
            rows.Add([step, F(Stopwatch.GetElapsedTime(from, to).TotalMilliseconds, "0"), these.Count.ToString(Inv), F(Percentile(latencies, 0.50), "0.0"),
                F(Percentile(latencies, 0.99), "0.0"), F(Percentile(these, 0.99, s => s.Kind != 'r'), "0.0"), F(latencies.Length == 0 ? 0 : latencies[^1], "0.0")]);
        }

        if (rows.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("by ratchet step (for information; transactions planned while the step ran):");
        Table(["step", "ms", "txns", "p50", "p99", "p99 wr", "max"], rows);
    }

    private static string PhaseOf(List<(string Label, long Ticks, DateTime Utc)> marks, long planned) =>
        marks.LastOrDefault(m => m.Ticks <= planned).Label ?? "warm-up";

    /// <summary>The transactions planned in [from, to).</summary>
    private static List<Sample> Between(List<Sample> samples, long from, long to) => samples.Where(s => s.Planned >= from && s.Planned < to).ToList();

    /// <summary>The latency percentile of the samples that match.</summary>
    private static double Percentile(List<Sample> samples, double p, Func<Sample, bool> which) =>
        Percentile([.. samples.Where(which).Select(s => s.LatencyMs).Order()], p);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string F(double value, string format) => value.ToString(format, Inv);

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "  " + l));

    private static void Table(string[] head, List<string[]> rows)
    {
        var widths = head.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(string[] cells) => "  " + string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
        Console.WriteLine(Line(head));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row));
        }
    }

    /// <summary>postgres://user:password@host:port/db as an Npgsql connection string.</summary>
    private static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        return builder.ConnectionString;
    }

    private static async Task<int> ExecAsync(string cs, string sql, string application = "bench-setup")
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { ApplicationName = application }.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // the harness's own SQL
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { ApplicationName = "bench-setup" }.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // the harness's own SQL
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync();
    }

    private static async Task CheckpointAsync(string cs)
    {
        try
        {
            await ExecAsync(cs, "CHECKPOINT");
        }
        catch (PostgresException)
        {
            // Not a superuser: the figures just carry a little more noise.
        }
    }
}
