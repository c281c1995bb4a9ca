using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ratchet.Execution;
using Ratchet.Revisions;

namespace Ratchet.Hosting;

/// <summary>Applies pending revisions when the host starts; a failure stops the host from starting.</summary>
internal sealed partial class RatchetStartupMigration(Migrator migrator, RatchetOptions options, ILogger<RatchetStartupMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await migrator.UpAsync(Target.Parse(options.Target), cancellationToken).ConfigureAwait(false);
            Migrated(logger, result.Plan.Steps.Count, options.Target);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RefusingToStart(logger, e.Message, e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Ratchet: database migrated ({Count} revision(s) applied, target {Target})")]
    private static partial void Migrated(ILogger logger, int count, string target);

    [LoggerMessage(EventId = 101, Level = LogLevel.Critical, Message = "Ratchet: migration failed, the app will not start: {Error}")]
    private static partial void RefusingToStart(ILogger logger, string error, Exception exception);
}
