using TrainingService.Core.Persistence;

namespace TrainingService.Worker.Jobs;

/// <summary>
/// Pulls the stop switch of a run that trains here when <see cref="JobControlChannel"/> names its job,
/// so a cancel or pause takes effect at the next batch boundary. What it misses while reconnecting the
/// heartbeat reads from the job row.
/// </summary>
public sealed class JobControlListener(IConfiguration configuration, ActiveRuns runs, ILogger<JobControlListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new NotificationListener(configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)!, JobControlChannel.Name, logger)
            .ListenAsync(payload =>
            {
                if (JobControlChannel.Parse(payload) is { } message)
                {
                    runs.RequestStop(message.JobId, RunStopReason.UserRequest);
                }
            }, onReconnected: null, stoppingToken);
}
