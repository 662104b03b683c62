using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrainingService.Core.Queueing;

/// <summary>
/// Dispatches submitted jobs off the request's path. A submission commits its job row, which is the outbox, and asks
/// through <see cref="DispatchRequests"/>; this loop then gives every pending job its Hangfire job, in batches of
/// <see cref="JobDispatcher"/>'s size, until none is left. The request no longer waits for the row lock, the fleet read
/// and Hangfire's own transaction of its job. Should this process stop before a job is dispatched, any process's
/// <see cref="JobSupervisor"/> dispatches it within a sweep.
/// </summary>
public sealed class PendingJobDispatch(JobDispatcher dispatcher, DispatchRequests requests, ILogger<PendingJobDispatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await requests.WaitAsync(stoppingToken);
            try
            {
                while (await dispatcher.DispatchAsync(null, stoppingToken) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Dispatching submitted jobs failed; the supervisor's next sweep dispatches them");
            }
        }
    }
}
