using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Hosting;
using Ratchet.PostgreSql;
using Ratchet.Sources;
using Ratchet.Sqlite;

var builder = WebApplication.CreateBuilder(args);

// The database: Ratchet:Url in appsettings.json, or the Ratchet__Url environment variable.
var setting = builder.Configuration["Ratchet:Url"] ?? "sqlite:webapp.db";

builder.Services.AddRatchet(options =>
{
    options.Engine = _ =>
    {
        var url = DatabaseUrl.Parse(setting);
        return url.Scheme switch
        {
            "sqlite" => SqliteEngine.FromUrl(url, builder.Environment.ContentRootPath),
            "postgres" or "postgresql" or "" => PostgresEngine.FromUrl(url),
            _ => throw new Ratchet.RatchetException(Ratchet.RatchetErrorKind.BadInput, $"Ratchet:Url '{url.Redacted}': use sqlite: or postgres://"),
        };
    };
    options.Revisions = () => AssemblySource.Load(typeof(Program).Assembly);
});

var app = builder.Build();

app.MapGet("/health", async (Migrator migrator, CancellationToken cancellationToken) =>
{
    var status = await migrator.StatusAsync(cancellationToken);
    return Results.Ok(new { applied = status.History.Count(h => h.IsApplied), pending = status.Pending.Count, current = status.Current });
});

try
{
    await app.RunAsync();
    return 0;
}
catch (Ratchet.RatchetException)
{
    // Already logged by Ratchet; a deployment sees the process exit with the tool's exit code, not a crash.
    return 1;
}
