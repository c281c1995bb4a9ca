using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Ratchet.Sqlite.Tests;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>examples/webapp: an ASP.NET Core app that migrates at startup and refuses to start when a migration fails.</summary>
public sealed partial class ExampleAppTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ratchet-webapp-tests", Guid.NewGuid().ToString("N"));

    public ExampleAppTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "app.db");

    private static string AppDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Path.Combine(ProjectFolder.RepositoryRoot(), "examples", "webapp", "bin", configuration, "net10.0", "WebApp.dll");
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("dotnet", [AppDll()])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Ratchet__Url"] = $"sqlite:{DatabasePath}";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return Process.Start(start)!;
    }

    [Fact]
    public async Task The_app_migrates_a_fresh_database_at_startup_then_serves()
    {
        using var app = Start();
        var output = new StringBuilder();
        try
        {
            var address = await WaitForAsync(app, output, ListeningOn(), TimeSpan.FromSeconds(60));
            using var http = new HttpClient();
            var health = await http.GetStringAsync(new Uri($"{address}/health"), TestContext.Current.CancellationToken);

            Assert.Contains("\"applied\":2", health, StringComparison.Ordinal);
            var db = new SqliteTestDatabase(DatabasePath);
            Assert.True(await db.TableExistsAsync("user_roles"));
            Assert.Contains("Ratchet: database migrated (2 revision(s) applied", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task The_app_refuses_to_start_when_a_migration_fails()
    {
        var db = new SqliteTestDatabase(DatabasePath);
        await db.ExecuteAsync("CREATE TABLE user_roles (x INTEGER)");
        using var app = Start();
        var output = new StringBuilder();

        var exited = app.WaitForExit(TimeSpan.FromSeconds(60));
        output.Append(await app.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken));

        Assert.True(exited, "the app kept running");
        Assert.Equal(1, app.ExitCode);
        Assert.Contains("migration failed, the app will not start", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("table \"user_roles\" already exists", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output.ToString(), StringComparison.Ordinal);

        // The first revision committed; the second, which failed, left nothing behind.
        Assert.Equal(["20260301_001"], await db.ListAsync("SELECT revision_id FROM ratchet_history"));
        Assert.True(await db.TableExistsAsync("users"));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM sqlite_schema WHERE name IN ('idx_user_roles_user_id', 'uq_user_role')"));
    }

    private static async Task<string> WaitForAsync(Process process, StringBuilder output, Regex pattern, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            output.AppendLine(line);
            if (pattern.Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"the app stopped before listening:\n{output}\n{await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
