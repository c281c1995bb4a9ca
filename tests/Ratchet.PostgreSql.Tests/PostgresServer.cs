using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Ratchet.Engines;
using Ratchet.PostgreSql;

namespace Ratchet.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>RATCHET_TEST_POSTGRES</c> names, or a throwaway server started
/// from the machine's binaries (initdb and pg_ctl in a temporary folder, on a free port, stopped when the tests end).
/// As root it runs them as the <c>postgres</c> account, since PostgreSQL refuses to run as root. Without binaries the
/// tests are skipped, unless <c>CI=true</c>, where they fail.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer?>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString, string description)
    {
        AdminConnectionString = adminConnectionString;
        Description = description;
    }

    /// <summary>A connection string to the <c>postgres</c> database with the right to create databases.</summary>
    public string AdminConnectionString { get; }

    public string Description { get; }

    /// <summary>Why there is no server, when there is none.</summary>
    public static string? Missing { get; private set; }

    /// <summary>The shared server, started on first use; null when none can be had (see <see cref="Missing"/>).</summary>
    public static Task<PostgresServer?> GetAsync() => Shared.Value;

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = false }.ConnectionString;

    /// <summary>A <c>postgres://</c> URL to <paramref name="database"/> for the command-line tool.</summary>
    public string UrlFor(string database)
    {
        var b = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        var password = string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password);
        return $"postgres://{Uri.EscapeDataString(b.Username ?? "postgres")}{password}@{b.Host}:{b.Port}/{database}?pooling=false";
    }

    private static async Task<PostgresServer?> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("RATCHET_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            var connectionString = PostgresEngine.ToConnectionString(DatabaseUrl.Parse(given));
            return new PostgresServer(connectionString, "RATCHET_TEST_POSTGRES");
        }

        var bin = FindBinaries();
        if (bin is null)
        {
            Missing = "no PostgreSQL server binaries (initdb, pg_ctl) on this machine and RATCHET_TEST_POSTGRES is not set; " +
                "install them with `apt-get install -y postgresql`";
            return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException(Missing)
                : null;
        }

        var folder = Path.Combine(Path.GetTempPath(), "ratchet-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], asRoot);
        var log = Path.Combine(folder, "server.log");
        int port;
        for (var attempt = 1; ; attempt++)
        {
            // The port is free when chosen, not reserved: another process can bind it before the server does. Then the
            // server does not start, its log says so, and another free port is tried.
            port = FreePort();
            var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                "-c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB";
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", log, "-w", "-t", "60", "-o", settings, "start"], asRoot);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3 && File.Exists(log) && File.ReadAllText(log).Contains("Address already in use", StringComparison.Ordinal))
            {
                File.Delete(log);
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, folder, asRoot);
        var admin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false };
        return new PostgresServer(admin.ConnectionString, $"throwaway server on 127.0.0.1:{port} from {bin}");
    }

    private static void Stop(string bin, string data, string folder, bool asRoot)
    {
        try
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left behind in the temporary folder.
            }
            catch (UnauthorizedAccessException)
            {
                // Left behind in the temporary folder.
            }
        }
    }

    private static string? FindBinaries()
    {
        try
        {
            using var pgConfig = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, UseShellExecute = false });
            var dir = pgConfig?.StandardOutput.ReadToEnd().Trim();
            pgConfig?.WaitForExit();
            if (!string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, "initdb")))
            {
                return dir;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on the PATH; look where Debian puts the server.
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
