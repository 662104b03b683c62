namespace TrainingService.Core.Prediction;

/// <summary>
/// Built networks for <c>/predict</c>, keyed by job and checkpoint SHA-256 and bounded by the bytes of their parameters
/// and buffers, least recently used out first. A new checkpoint of a job is a new key, and adding it drops the job's
/// older weights, so stale weights are never served. Evicted networks are released, not disposed: a request still
/// holding a <see cref="NetworkLease"/> finishes with them, and the last release disposes the module.
/// </summary>
public sealed class PredictionCache(PredictionCacheOptions options) : IDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<(Guid JobId, string Sha256), LinkedListNode<Entry>> entries = [];
    private readonly LinkedList<Entry> recency = [];
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    public PredictionCacheStatistics Statistics
    {
        get { lock (gate) return new(hits, misses, evictions, entries.Count, bytes, options.SizeLimitBytes); }
    }

    /// <summary>A lease on the cached network of <paramref name="jobId"/> with the checkpoint whose hash is <paramref name="sha256"/>, if there is one.</summary>
    public NetworkLease? TryLease(Guid jobId, string sha256)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(Key(jobId, sha256), out var node) || !node.Value.Network.TryAcquire()) return null;
            recency.Remove(node);
            recency.AddFirst(node);
            hits++;
            return new NetworkLease(node.Value.Network, hit: true);
        }
    }

    /// <summary>
    /// Keeps a network just built for a miss, in place of any other of the job's, and leases it to the request that
    /// built it. The cache takes over the builder's reference; a network larger than the whole cache is not kept and
    /// goes when the lease does.
    /// </summary>
    public NetworkLease Add(Guid jobId, string sha256, LoadedNetwork network)
    {
        var key = Key(jobId, sha256);
        var released = new List<Entry>();
        NetworkLease lease;
        lock (gate)
        {
            misses++;
            network.TryAcquire();
            lease = new NetworkLease(network, hit: false);
            var stale = entries.Values.Select(node => node.Value).Where(entry => entry.Key.JobId == jobId).ToList();
            stale.ForEach(Unlink);
            released.AddRange(stale);
            if (network.SizeBytes <= options.SizeLimitBytes)
            {
                while (bytes + network.SizeBytes > options.SizeLimitBytes && recency.Last is { } oldest)
                {
                    Unlink(oldest.Value);
                    released.Add(oldest.Value);
                }
                entries[key] = recency.AddFirst(new Entry(key, network));
                bytes += network.SizeBytes;
            }
            else
            {
                released.Add(new Entry(key, network));
            }
            evictions += released.Count(entry => entry.Network != network);
        }
        released.ForEach(entry => entry.Network.Release());
        return lease;
    }

    /// <summary>Drops every network of a job (deleted, say); requests that hold one finish with it.</summary>
    public void Forget(Guid jobId)
    {
        List<Entry> dropped;
        lock (gate)
        {
            dropped = [.. recency.Where(entry => entry.Key.JobId == jobId)];
            dropped.ForEach(Unlink);
        }
        dropped.ForEach(entry => entry.Network.Release());
    }

    public void Dispose()
    {
        List<Entry> all;
        lock (gate)
        {
            all = [.. recency];
            all.ForEach(Unlink);
        }
        all.ForEach(entry => entry.Network.Release());
    }

    private void Unlink(Entry entry)
    {
        if (!entries.Remove(entry.Key, out var node)) return;
        recency.Remove(node);
        bytes -= entry.Network.SizeBytes;
    }

    private static (Guid JobId, string Sha256) Key(Guid jobId, string sha256) => (jobId, sha256.ToLowerInvariant());

    private sealed record Entry((Guid JobId, string Sha256) Key, LoadedNetwork Network);
}
