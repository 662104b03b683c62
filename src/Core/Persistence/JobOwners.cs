using System.Collections.Concurrent;
using TrainingService.Core.Identity;

namespace TrainingService.Core.Persistence;

/// <summary>
/// The owner of each job id, read once: a job's owner never changes, so the hub and the workers list can ask
/// for every event without a query each. Unknown ids are not cached, since the job may be stored a moment later.
/// </summary>
public sealed class JobOwners(JobQueries queries)
{
    /// <summary>Past this many entries the cache starts afresh; owners are re-read on demand, so that is only a cost.</summary>
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, Guid?> _owners = new();

    /// <summary>Whether the job exists and <paramref name="caller"/> may see it.</summary>
    public async ValueTask<bool> MaySeeAsync(Caller caller, Guid jobId, CancellationToken cancellationToken)
    {
        if (caller.IsAdmin) return true;
        var (exists, owner) = await OwnerOfAsync(jobId, cancellationToken);
        return exists && caller.MaySee(owner);
    }

    /// <summary>Drops a deleted job, so its id reads as unknown from now on.</summary>
    public void Forget(Guid jobId) => _owners.TryRemove(jobId, out _);

    /// <summary>The job's owner (null for a legacy row), or <c>Exists = false</c> when no such job is stored.</summary>
    public async ValueTask<(bool Exists, Guid? OwnerId)> OwnerOfAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (_owners.TryGetValue(jobId, out var cached)) return (true, cached);
        var (exists, owner) = await queries.OwnerOfAsync(jobId, cancellationToken);
        if (exists)
        {
            if (_owners.Count >= MaxEntries) _owners.Clear();
            _owners[jobId] = owner;
        }
        return (exists, owner);
    }
}
