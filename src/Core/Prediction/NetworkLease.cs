namespace TrainingService.Core.Prediction;

/// <summary>A reference to a loaded network for the length of one request; disposing it gives the reference back.</summary>
public sealed class NetworkLease : IDisposable
{
    private LoadedNetwork? network;

    internal NetworkLease(LoadedNetwork network, bool hit)
    {
        this.network = network;
        Hit = hit;
    }

    public LoadedNetwork Network => network ?? throw new ObjectDisposedException(nameof(NetworkLease));

    /// <summary>Whether the network was already built (a cache hit) rather than built for this request.</summary>
    public bool Hit { get; }

    public void Dispose() => Interlocked.Exchange(ref network, null)?.Release();
}
