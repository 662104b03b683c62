using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingService.Api.Problems;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Health;

/// <summary>
/// Readiness of the queue: a Hangfire server with a recent heartbeat listens on training queues. None is
/// Degraded, not Unhealthy: the Api still takes jobs, which wait in Queued until a worker starts.
/// </summary>
public sealed class WorkersHealthCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    public const string Name = "workers";

    /// <summary>Hangfire servers beat every 30 s; one silent for longer than this is gone.</summary>
    public static readonly TimeSpan HeartbeatWindow = TimeSpan.FromMinutes(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IList<Hangfire.Storage.Monitoring.ServerDto> servers;
        try
        {
            // The monitoring API blocks and takes no token: the wait, not the call, ends at the check's timeout.
            servers = await Task.Run(() => storage.GetMonitoringApi().Servers(), CancellationToken.None).WaitAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            var reason = exception is OperationCanceledException ? "no answer within the check's timeout"
                : DatabaseFailures.Reason(exception) ?? exception.Message.Split('\n', 2)[0].TrimEnd('.');
            return HealthCheckResult.Unhealthy($"The job queue cannot be read: {reason}.");
        }
        var since = time.GetUtcNow().UtcDateTime - HeartbeatWindow;
        var online = servers.Count(s => s.Heartbeat is { } beat && beat >= since && TrainingQueues.ClassOf(s.Queues ?? []) is not null);
        return online > 0
            ? HealthCheckResult.Healthy($"{online} worker(s) online.")
            : HealthCheckResult.Degraded("No worker is online; none is listening on the training queues, so jobs wait in Queued until one starts.");
    }
}
