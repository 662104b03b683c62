using TrainingService.Core.Persistence;

namespace TrainingService.Worker.Jobs;

/// <summary>
/// Renews a run's lease while it trains, so only a dead worker's run expires. It also reads the
/// job's stop request (in case its NOTIFY was missed), and stops the run if the lease is gone.
/// </summary>
public sealed class RunHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RunHeartbeat(JobRun run, TrainingRecords records, TimeSpan interval, RunControl control, ILogger logger)
    {
        _loop = BeatAsync(run, records, interval, control, logger);
    }

    private async Task BeatAsync(JobRun run, TrainingRecords records, TimeSpan interval, RunControl control, ILogger logger)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    if (await records.HeartbeatAsync(run, _stop.Token) is not null)
                    {
                        control.RequestStop(RunStopReason.UserRequest);
                    }
                }
                catch (RunLeaseLostException)
                {
                    control.RequestStop(RunStopReason.LeaseLost);
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
