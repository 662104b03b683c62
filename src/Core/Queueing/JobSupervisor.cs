using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Queueing;

/// <summary>
/// Runs in every process of the fleet (the Api and each worker), since they share only PostgreSQL:
/// queues again the runs whose worker stopped renewing its lease, and dispatches queued jobs that
/// have no Hangfire job yet. Row locks with SKIP LOCKED let any number of supervisors run at once.
/// </summary>
public sealed class JobSupervisor(JobLifecycle lifecycle, JobDispatcher dispatcher, IOptions<RunLeaseOptions> options, ILogger<JobSupervisor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try
            {
                var lost = await lifecycle.RecoverLostRunsAsync(options.Value.Lease, stoppingToken);
                if (lost > 0)
                {
                    logger.LogWarning("{Count} run(s) lost their worker and were queued again", lost);
                }
                await dispatcher.DispatchAsync(null, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be down; the next sweep tries again.
                logger.LogWarning(exception, "Supervising runs failed; retrying in {Interval}", options.Value.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
