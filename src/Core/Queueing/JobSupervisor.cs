using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Queueing;

/// <summary>
/// Runs in every process of the fleet (the Api and each worker), since they share only PostgreSQL:
/// queues again the runs whose worker stopped renewing its lease, dispatches queued jobs that
/// have no Hangfire job yet, and says why a dispatched job waits when no online worker can run it. Row locks with SKIP LOCKED let any number of supervisors run at once.
/// </summary>
public sealed class JobSupervisor(JobLifecycle lifecycle, JobDispatcher dispatcher, IOptions<RunLeaseOptions> options, TimeProvider clock,
    ILogger<JobSupervisor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = options.Value.Lease;
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        DateTimeOffset? reachableSince = null;
        do
        {
            try
            {
                var started = clock.GetUtcNow();
                // Reviewed first: an auto job taken back from a device queue whose workers went away is dispatched in this sweep.
                await dispatcher.ReviewWaitingAsync(stoppingToken);
                await dispatcher.DispatchAsync(null, stoppingToken);
                var finished = clock.GetUtcNow();
                // A sweep that only succeeded after retrying rode out an outage: it counts as reaching the database anew.
                if (reachableSince is null || finished - started > options.Value.SweepInterval)
                {
                    reachableSince = finished;
                }
                // While the database was unreachable no worker could renew its lease either; only once every
                // worker has had a whole lease to renew again does an old heartbeat mean a lost worker.
                if (clock.GetUtcNow() - reachableSince >= lease)
                {
                    var lost = await lifecycle.RecoverLostRunsAsync(lease, stoppingToken);
                    if (lost > 0)
                    {
                        logger.LogWarning("{Count} run(s) lost their worker and were queued again", lost);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                reachableSince = null;
                logger.LogWarning(exception, "Supervising runs failed; retrying in {Interval}", options.Value.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
