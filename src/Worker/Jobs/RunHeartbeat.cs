using TrainingService.Core.Persistence;

namespace TrainingService.Worker.Jobs;

/// <summary>
/// Refreshes a run's heartbeat while an epoch is in progress, so that only a dead worker's run
/// looks stale. If the lease is gone (taken over or cancelled), the training is cancelled.
/// </summary>
public sealed class RunHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RunHeartbeat(JobRun run, TrainingRecords records, TimeSpan interval, CancellationTokenSource lease, ILogger logger)
    {
        _loop = BeatAsync(run, records, interval, lease, logger);
    }

    public bool LeaseLost { get; private set; }

    private async Task BeatAsync(JobRun run, TrainingRecords records, TimeSpan interval, CancellationTokenSource lease, ILogger logger)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await records.HeartbeatAsync(run, _stop.Token);
                }
                catch (RunLeaseLostException)
                {
                    LeaseLost = true;
                    await lease.CancelAsync();
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Heartbeat of job {JobId} failed; retrying", run.JobId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the run is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
