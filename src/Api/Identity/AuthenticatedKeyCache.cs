using Microsoft.Extensions.Caching.Memory;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Identity;

/// <summary>
/// Who a key stood for, remembered for a few seconds, so a client sending many requests costs one key lookup per
/// <see cref="Lifetime"/> instead of one per request (the lookup was the largest part of a submission's CPU time).
/// A revocation anywhere empties it: this instance's own at once, another's through <see cref="KeyRevocationChannel"/>
/// within milliseconds; <see cref="Lifetime"/> only bounds what a lost notification could leave.
/// </summary>
public sealed class AuthenticatedKeyCache(AccountStore accounts) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>Bounds the memory: only keys that authenticated are kept, so this is the number of distinct live keys in use.</summary>
    private const int MaxKeys = 10_000;

    private readonly MemoryCache _callers = new(new MemoryCacheOptions { SizeLimit = MaxKeys });

    /// <summary>Counts <see cref="Forget"/>s, so that a lookup that began before one cannot put back what it dropped.</summary>
    private long _generation;

    public async Task<Caller?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.IsWellFormed(secret)) return null;
        var hash = ApiKeySecret.Hash(secret);
        if (_callers.TryGetValue(hash, out Caller? remembered)) return remembered;
        var generation = Interlocked.Read(ref _generation);
        var caller = await accounts.AuthenticateAsync(secret, cancellationToken);
        if (caller is not null && Interlocked.Read(ref _generation) == generation)
        {
            _callers.Set(hash, caller, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
            // A Forget between the check and the Set would have cleared before the entry went in.
            if (Interlocked.Read(ref _generation) != generation) _callers.Remove(hash);
        }
        return caller;
    }

    /// <summary>Drops every remembered key; the next request of each is looked up again.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _callers.Clear();
    }

    public void Dispose() => _callers.Dispose();
}
