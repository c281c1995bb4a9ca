using System.Globalization;

namespace OnlineLoad;

/// <summary>The harness's command line (see <see cref="Usage"/>).</summary>
internal sealed class Options
{
    public const string Usage = """
        usage: OnlineLoad --url postgres://user@127.0.0.1:PORT/db --dir MIGRATIONS [--ratchet PATH] [--mode online|plain|backfill]
                          [--rows 1000000] [--tps 200] [--clients 8] [--phase-seconds 20] [--warmup-seconds 2]
                          [--log SERVER_LOG] [--base-revision 001]
          --url            the database (created and empty: the harness applies --base-revision with ratchet and loads the rows)
          --dir            the migrations folder (001 creates items, 002 is the online int -> bigint change)
          --ratchet        the ratchet CLI (default: ratchet on PATH)
          --mode           online: ratchet start / complete under load; plain: one ALTER TABLE ... TYPE bigint under load
          --log            the server log (log_lock_waits=on, log_line_prefix '%m [%p] %a '): lock waits of load-* clients
        """;

    public string Url { get; private set; } = "";

    public string Dir { get; private set; } = "";

    public string Ratchet { get; private set; } = "ratchet";

    public string Mode { get; private set; } = "online";

    public long Rows { get; private set; } = 1_000_000;

    public int Tps { get; private set; } = 200;

    public int Clients { get; private set; } = 8;

    public double PhaseSeconds { get; private set; } = 20;

    public double WarmupSeconds { get; private set; } = 2;

    public string? Log { get; private set; }

    public string BaseRevision { get; private set; } = "001";

    public bool Online => Mode is "online" or "backfill";

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--url": o.Url = Value(); break;
                case "--dir": o.Dir = Path.GetFullPath(Value()); break;
                case "--ratchet": o.Ratchet = Value(); break;
                case "--mode": o.Mode = Value(); break;
                case "--rows": o.Rows = Number(name, Value()); break;
                case "--tps": o.Tps = (int)Number(name, Value()); break;
                case "--clients": o.Clients = (int)Number(name, Value()); break;
                case "--phase-seconds": o.PhaseSeconds = Seconds(name, Value()); break;
                case "--warmup-seconds": o.WarmupSeconds = Seconds(name, Value()); break;
                case "--log": o.Log = Value(); break;
                case "--base-revision": o.BaseRevision = Value(); break;
                case "-h" or "--help": throw new ArgumentException("");
                default: throw new ArgumentException($"unknown argument {name}");
            }
        }

        if (o.Url.Length == 0 || o.Dir.Length == 0)
        {
            throw new ArgumentException("--url and --dir are required");
        }

        if (o.Mode is not ("online" or "plain" or "backfill"))
        {
            throw new ArgumentException("--mode takes online, plain or backfill");
        }

        return o;
    }

    private static long Number(string name, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} takes a positive number");

    private static double Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{name} takes seconds");
}
