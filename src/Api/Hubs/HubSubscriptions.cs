using System.Collections.Concurrent;

namespace TrainingService.Api.Hubs;

/// <summary>
/// Which connections follow which jobs. SignalR groups would deliver an event twice to a
/// connection that follows one job and all jobs, so recipients are the union computed here.
/// </summary>
public sealed class HubSubscriptions
{
    private readonly ConcurrentDictionary<string, Subscription> _connections = new();

    public void FollowJob(string connectionId, Guid jobId) => Update(connectionId, s => s with { Jobs = s.Jobs.Add(jobId) });

    public void UnfollowJob(string connectionId, Guid jobId) => Update(connectionId, s => s with { Jobs = s.Jobs.Remove(jobId) });

    public void FollowAllJobs(string connectionId, bool follow) => Update(connectionId, s => s with { AllJobs = follow });

    public void Forget(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Connections following <paramref name="jobId"/>, plus those following all jobs when the event is for them too.</summary>
    public IReadOnlyList<string> Recipients(Guid jobId, bool includeAllJobsFollowers) =>
        _connections.Where(c => c.Value.Jobs.Contains(jobId) || (includeAllJobsFollowers && c.Value.AllJobs))
            .Select(c => c.Key).ToList();

    private void Update(string connectionId, Func<Subscription, Subscription> change) =>
        _connections.AddOrUpdate(connectionId, _ => change(Subscription.None), (_, current) => change(current));

    private sealed record Subscription(System.Collections.Immutable.ImmutableHashSet<Guid> Jobs, bool AllJobs)
    {
        public static Subscription None { get; } = new([], false);
    }
}
