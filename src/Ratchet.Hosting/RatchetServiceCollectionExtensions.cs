using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ratchet.Execution;
using Ratchet.Revisions;

namespace Ratchet.Hosting;

/// <summary>Registers Ratchet in an app's services.</summary>
public static class RatchetServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="Migrator"/> for the configured engine and revisions and, unless
    /// <see cref="RatchetOptions.MigrateAtStartup"/> is false, a hosted service that applies pending revisions before
    /// the app serves requests; when a revision fails, the host does not start.
    /// </summary>
    public static IServiceCollection AddRatchet(this IServiceCollection services, Action<RatchetOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RatchetOptions();
        configure(options);
        if (options.Engine is null || options.Revisions is null)
        {
            throw new ArgumentException("AddRatchet needs both options.Engine and options.Revisions", nameof(configure));
        }

        services.AddSingleton(options);
        services.AddSingleton(provider => new Migrator(
            options.Engine(provider),
            new RevisionGraph(options.Revisions()),
            new MigratorOptions
            {
                LockTimeout = options.LockTimeout,
                Logger = provider.GetService<ILoggerFactory>()?.CreateLogger("Ratchet") ?? NullLogger.Instance,
            }));
        if (options.MigrateAtStartup)
        {
            services.AddHostedService<RatchetStartupMigration>();
        }

        return services;
    }
}
