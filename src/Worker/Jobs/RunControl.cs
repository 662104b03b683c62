namespace TrainingService.Worker.Jobs;

/// <summary>
/// The stop switch of one run on this worker. The control listener, the heartbeat and the host's
/// shutdown all pull the same switch; the training loop sees it at the next batch boundary.
/// </summary>
public sealed class RunControl(Guid jobId) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _reason;

    public Guid JobId { get; } = jobId;

    public CancellationToken Token => _stop.Token;

    public RunStopReason Reason => (RunStopReason)Volatile.Read(ref _reason);

    public void RequestStop(RunStopReason reason)
    {
        if (reason == RunStopReason.LeaseLost)
        {
            Volatile.Write(ref _reason, (int)reason);
        }
        else
        {
            Interlocked.CompareExchange(ref _reason, (int)reason, (int)RunStopReason.None);
        }
        _stop.Cancel();
    }

    public void Dispose() => _stop.Dispose();
}
