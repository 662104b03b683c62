using System.Reflection;
using Microsoft.Extensions.Options;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using TrainingService.Core.Training;
using TrainingService.Worker.Jobs;
using static TorchSharp.torch;

namespace TrainingService.Worker.Fleet;

/// <summary>
/// Keeps this worker's row in <c>workers</c>: every <see cref="RunLeaseOptions.HeartbeatInterval"/>, and
/// at once when a run starts or ends or the host begins stopping. <c>Busy</c> while a run is active,
/// <c>Idle</c> otherwise, <c>Draining</c> from <see cref="IHostApplicationLifetime.ApplicationStopping"/>
/// until the Hangfire server has handed its runs back (it is registered after this service, so it stops
/// first); then the row is deleted, so a stopped worker leaves the list and only a dead one reads as lost.
/// </summary>
public sealed class WorkerHeartbeat(
    WorkerRegistry registry,
    ActiveRuns runs,
    IHostApplicationLifetime lifetime,
    IOptions<WorkerOptions> worker,
    IOptions<RunLeaseOptions> lease,
    IOptions<TrainingOptions> training,
    TimeProvider clock,
    ILogger<WorkerHeartbeat> logger) : BackgroundService
{
    /// <summary>How soon a run starting or ending shows, without writing more than once per interval otherwise.</summary>
    private static readonly TimeSpan ChangePoll = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(5);

    private static readonly string Version = (typeof(WorkerHeartbeat).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown") is var version && version.Length > 100
        ? version[..100] : version;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = worker.Value.Name;
        var startedAt = clock.GetUtcNow();
        // Not TrainingDevice.Resolve: a device setting it refuses must fail jobs, not stop the host through its heartbeat.
        var onCuda = !string.Equals(training.Value.Device, "cpu", StringComparison.OrdinalIgnoreCase) && cuda.is_available();
        var gpu = onCuda ? Nvml.TryOpen(Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES")) : null;
        var cpuModel = CpuModel.Read();
        Guid? lastJob = null;
        (WorkerState State, Guid? Job)? reported = null;
        var nextBeat = startedAt;
        while (!stoppingToken.IsCancellationRequested)
        {
            var current = runs.JobIds.Select(id => (Guid?)id).FirstOrDefault();
            lastJob = current ?? lastJob;
            var state = lifetime.ApplicationStopping.IsCancellationRequested ? WorkerState.Draining
                : current is null ? WorkerState.Idle : WorkerState.Busy;
            if (reported != (state, current) || clock.GetUtcNow() >= nextBeat)
            {
                // Marked before writing: while PostgreSQL is down a change is retried at the next beat, not every poll.
                nextBeat = clock.GetUtcNow() + lease.Value.HeartbeatInterval;
                reported = (state, current);
                try
                {
                    var reading = gpu?.Read() ?? GpuReading.None;
                    await registry.ReportAsync(new WorkerRecord
                    {
                        Name = name,
                        Host = Environment.MachineName,
                        DeviceKind = onCuda ? "cuda" : "cpu",
                        DeviceName = onCuda ? reading.Name ?? "CUDA device" : cpuModel,
                        GpuMemoryTotalBytes = reading.MemoryTotalBytes,
                        GpuMemoryUsedBytes = reading.MemoryUsedBytes,
                        CpuThreads = get_num_threads(),
                        Version = Version,
                        State = state,
                        CurrentJobId = current,
                        LastJobId = lastJob,
                        StartedAt = startedAt,
                        LastHeartbeat = clock.GetUtcNow(),
                    }, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    logger.LogWarning(exception, "Heartbeat of worker {Worker} failed; retrying", name);
                }
            }
            await Task.Delay(ChangePoll, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await RemoveAsync(name);
    }

    private async Task RemoveAsync(string name)
    {
        using var timeout = new CancellationTokenSource(RemoveTimeout);
        try
        {
            await registry.RemoveAsync(name, timeout.Token);
            logger.LogInformation("Worker {Worker} stopped and left the fleet", name);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Worker {Worker} could not remove its row; it will read as lost", name);
        }
    }
}
