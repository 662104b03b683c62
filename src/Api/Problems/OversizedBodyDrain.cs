namespace TrainingService.Api.Problems;

/// <summary>
/// Reads and discards what is left of a refused body before the 413 goes out. Closing a connection with
/// unread bytes in its receive buffer makes the kernel reset it, and a client still sending then loses the
/// answer; discarding a bounded amount lets a client that did not ask <c>Expect: 100-continue</c> read its 413.
/// Past the bound the connection is cut anyway: nobody is owed an unbounded upload.
/// </summary>
public sealed class OversizedBodyDrain(Stream body)
{
    /// <summary>What is discarded at most; a little over Kestrel's default 30,000,000-byte limit.</summary>
    public const long MaxDrainBytes = 32 << 20;

    private static readonly TimeSpan MaxDrainTime = TimeSpan.FromSeconds(5);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(MaxDrainTime);
        var buffer = new byte[64 * 1024];
        long discarded = 0;
        try
        {
            int read;
            while (discarded < MaxDrainBytes && (read = await body.ReadAsync(buffer, timeout.Token)) > 0) discarded += read;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client went away or took too long: the answer is written all the same, for whoever still reads.
        }
    }
}
