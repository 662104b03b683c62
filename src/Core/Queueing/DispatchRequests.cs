using System.Threading.Channels;

namespace TrainingService.Core.Queueing;

/// <summary>
/// Asks this process's <see cref="PendingJobDispatch"/> to dispatch the queued jobs that have no Hangfire job yet. Asks
/// that come while a dispatch runs fold into one more, so a burst of submissions costs a few dispatches, not one each.
/// </summary>
public sealed class DispatchRequests
{
    private readonly Channel<bool> pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Never waits: a stored job that no dispatch picks up is still dispatched by the supervisor's next sweep.</summary>
    public void Request() => pending.Writer.TryWrite(true);

    /// <summary>Waits for an ask and takes it, so asks made from now on call for another dispatch.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (!pending.Reader.TryRead(out _))
        {
            await pending.Reader.WaitToReadAsync(cancellationToken);
        }
    }
}
