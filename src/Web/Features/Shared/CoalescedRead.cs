namespace TrainingService.Web.Features.Shared;

/// <summary>
/// One Api read that hub events keep asking for: at most one runs at a time, and the asks that come while it runs fold
/// into a single rerun after it, so answers never land out of order and the last one is newer than the last ask.
/// Used only on the circuit's dispatcher, which runs one piece at a time, so it needs no lock.
/// </summary>
public sealed class CoalescedRead
{
    private bool running;
    private bool again;

    public async Task RunAsync(Func<CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        if (running)
        {
            again = true;
            return;
        }

        running = true;
        try
        {
            do
            {
                again = false;
                await read(cancellationToken);
            }
            while (again && !cancellationToken.IsCancellationRequested);
        }
        finally
        {
            running = false;
        }
    }
}
