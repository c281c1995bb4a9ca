using System.Diagnostics;
using Npgsql;

namespace OnlineLoad;

/// <summary>What one transaction did: planned start, latency from the planned start to commit, the statement's own time.</summary>
internal readonly record struct Sample(long Planned, double LatencyMs, double StatementMs, bool Ok, char Kind, bool NewCode, int Client, string? Error);

/// <summary>
/// The clients: an open-loop schedule at a fixed total rate. Transaction k of client i is planned at
/// start + (k * clients + i) / tps; its latency runs from that planned time to its commit, so a client that stalls
/// (waiting for a lock) is charged for every transaction that should have started meanwhile (no coordinated omission).
/// </summary>
internal sealed class Load
{
    private readonly List<Client> _clients = [];
    private readonly List<Task> _tasks = [];
    private long _stop = long.MaxValue;
    private string? _newCodeSchema;

    public Load(string connectionString, Options options)
    {
        Interval = (double)Stopwatch.Frequency / options.Tps;
        Count = options.Clients;
        Rows = (int)Math.Min(options.Rows, int.MaxValue);
        for (var i = 0; i < options.Clients; i++)
        {
            _clients.Add(new Client(this, i, connectionString, newCode: i % 2 == 1));
        }
    }

    /// <summary>Stopwatch ticks between two planned transactions (all clients together).</summary>
    public double Interval { get; }

    public int Count { get; }

    /// <summary>Ids 1..Rows exist (the loaded rows).</summary>
    public int Rows { get; }

    public long Started { get; private set; }

    public long StopAt => Volatile.Read(ref _stop);

    /// <summary>The version schema new code puts first on its search_path; null: every client runs as old code.</summary>
    public string? NewCodeSchema
    {
        get => Volatile.Read(ref _newCodeSchema);
        set => Volatile.Write(ref _newCodeSchema, value);
    }

    public void Start()
    {
        Started = Stopwatch.GetTimestamp();
        foreach (var client in _clients)
        {
            _tasks.Add(Task.Run(client.RunAsync));
        }
    }

    /// <summary>No transaction is planned from now on; the ones already due still run.</summary>
    public async Task<List<Sample>> StopAsync()
    {
        Volatile.Write(ref _stop, Stopwatch.GetTimestamp());
        await Task.WhenAll(_tasks);
        return [.. _clients.SelectMany(c => c.Samples).OrderBy(s => s.Planned)];
    }

    private sealed class Client(Load load, int index, string connectionString, bool newCode)
    {
        private readonly Random _random = new(1000 + index);
        private NpgsqlConnection? _connection;
        private string? _searchPath;

        public List<Sample> Samples { get; } = new(16384);

        public async Task RunAsync()
        {
            for (long k = 0; ; k++)
            {
                var planned = load.Started + (long)(((k * load.Count) + index) * load.Interval);
                if (planned >= load.StopAt)
                {
                    break;
                }

                var now = Stopwatch.GetTimestamp();
                if (planned > now)
                {
                    await Task.Delay(Stopwatch.GetElapsedTime(now, planned));
                    if (planned >= load.StopAt)
                    {
                        break;
                    }
                }

                // Task.Delay's clock is coarser than Stopwatch's (it can wake a few ms early): a transaction that starts
                // before its planned time is timed from its actual start, one that starts late from its planned time.
                Samples.Add(await OneAsync(Math.Min(planned, Stopwatch.GetTimestamp()), planned));
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }

        private async Task<Sample> OneAsync(long from, long planned)
        {
            var want = newCode ? load.NewCodeSchema : null;
            var roll = _random.Next(100);
            var kind = roll < 50 ? 'r' : roll < 90 ? 'u' : 'i';
            var id = _random.Next(1, load.Rows + 1);
            var account = _random.Next(1000);
            long begun = 0;
            try
            {
                if (_connection is null || want != _searchPath)
                {
                    await ReconnectAsync(want);
                }

                using var command = kind switch
                {
                    'r' => new NpgsqlCommand("SELECT qty FROM items WHERE id = $1", _connection) { Parameters = { new() { Value = id } } },
                    'u' => new NpgsqlCommand("UPDATE items SET qty = qty + 1 WHERE id = $1", _connection) { Parameters = { new() { Value = id } } },
                    _ => new NpgsqlCommand("INSERT INTO items (account, qty) VALUES ($1, 1)", _connection) { Parameters = { new() { Value = account } } },
                };
                command.CommandTimeout = 120;
                begun = Stopwatch.GetTimestamp();
                if (kind == 'r')
                {
                    await command.ExecuteScalarAsync();
                }
                else
                {
                    await command.ExecuteNonQueryAsync();
                }

                var end = Stopwatch.GetTimestamp();
                return new Sample(planned, Ms(from, end), Ms(begun, end), true, kind, want is not null, index, null);
            }
#pragma warning disable CA1031 // a failed transaction of any kind is counted, not retried
            catch (Exception e)
#pragma warning restore CA1031
            {
                var end = Stopwatch.GetTimestamp();
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                    _connection = null;
                }

                var error = e is PostgresException p ? $"{p.SqlState} {p.MessageText}" : $"{e.GetType().Name}: {e.Message}";
                return new Sample(planned, Ms(from, end), begun == 0 ? 0 : Ms(begun, end), false, kind, want is not null, index, error);
            }
        }

        private async Task ReconnectAsync(string? searchPath)
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"load-{index}" };
            if (searchPath is not null)
            {
                builder.SearchPath = $"{searchPath},public";
            }

            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync();
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            _connection = connection;
            _searchPath = searchPath;
        }

        private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
    }
}
