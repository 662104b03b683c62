using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Identity;

/// <summary>
/// LISTENs on <see cref="KeyRevocationChannel"/> and empties <see cref="AuthenticatedKeyCache"/> on every revocation, and
/// after every reconnect, since a revocation made while the connection was down was not heard.
/// </summary>
public sealed class KeyRevocationListener(IConfiguration configuration, AuthenticatedKeyCache keys, ILogger<KeyRevocationListener> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new NotificationListener(configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)!,
                KeyRevocationChannel.Name, logger)
            .ListenAsync(_ => keys.Forget(), _ =>
            {
                keys.Forget();
                return Task.CompletedTask;
            }, stoppingToken);
}
