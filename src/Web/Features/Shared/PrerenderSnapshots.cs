using Microsoft.Extensions.Caching.Memory;

namespace TrainingService.Web.Features.Shared;

/// <summary>
/// Snapshots a prerender left for the interactive render that follows it (<see cref="PrerenderHandoff"/>), in this
/// process's memory under a random token. Each is taken once; one whose circuit never starts (a crawler, a closed tab)
/// expires. A Blazor Server circuit runs in the process that prerendered its page, so the token's way through the
/// browser is all the sharing there is; on a miss the page reads as it would without a snapshot.
/// </summary>
public sealed class PrerenderSnapshots : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly MemoryCache snapshots = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public string Keep(object snapshot)
    {
        var token = Guid.NewGuid().ToString("N");
        snapshots.Set(token, snapshot, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return token;
    }

    public T? Take<T>(string token)
        where T : class
    {
        var snapshot = snapshots.Get(token) as T;
        snapshots.Remove(token);
        return snapshot;
    }

    public void Dispose() => snapshots.Dispose();
}
