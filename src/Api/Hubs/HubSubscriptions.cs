using System.Collections.Concurrent;
using System.Collections.Immutable;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Hubs;

/// <summary>
/// Which connections follow which jobs, and as whom. SignalR groups would deliver an event twice to a
/// connection that follows one job and all jobs, and are no security boundary, so recipients are computed
/// here: a job joined by id was authorised at the join, and all-jobs followers get a job's events only when
/// they may see that job.
/// </summary>
public sealed class HubSubscriptions
{
    private readonly ConcurrentDictionary<string, Subscription> _connections = new();

    public void Connect(string connectionId, Caller caller) => _connections[connectionId] = new Subscription(caller, [], false);

    public void FollowJob(string connectionId, Guid jobId) => Update(connectionId, s => s with { Jobs = s.Jobs.Add(jobId) });

    public void UnfollowJob(string connectionId, Guid jobId) => Update(connectionId, s => s with { Jobs = s.Jobs.Remove(jobId) });

    public void FollowAllJobs(string connectionId, bool follow) => Update(connectionId, s => s with { AllJobs = follow });

    public void Forget(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Whether some member follows all jobs, the one case where an event's job owner must be known.</summary>
    public bool AnyMemberFollowsAllJobs => _connections.Values.Any(s => s.AllJobs && !s.Caller.IsAdmin);

    /// <summary>
    /// Connections following <paramref name="jobId"/>, plus, when the event is for them too, those following all
    /// jobs that <paramref name="mayFollow"/> lets see it.
    /// </summary>
    public IReadOnlyList<string> Recipients(Guid jobId, bool includeAllJobsFollowers, Func<Caller, bool> mayFollow) =>
        _connections.Where(c => c.Value.Jobs.Contains(jobId) || (includeAllJobsFollowers && c.Value.AllJobs && mayFollow(c.Value.Caller)))
            .Select(c => c.Key).ToList();

    /// <summary>Every connection, grouped by its caller, for events whose content depends on who reads them.</summary>
    public IReadOnlyList<(Caller Caller, IReadOnlyList<string> Connections)> ByCaller() =>
        _connections.GroupBy(c => c.Value.Caller.UserId)
            .Select(g => (g.First().Value.Caller, (IReadOnlyList<string>)g.Select(c => c.Key).ToList())).ToList();

    /// <summary>A connection that never registered (it cannot happen: OnConnectedAsync runs first) follows nothing.</summary>
    private void Update(string connectionId, Func<Subscription, Subscription> change)
    {
        while (_connections.TryGetValue(connectionId, out var current))
        {
            if (_connections.TryUpdate(connectionId, change(current), current)) return;
        }
    }

    private sealed record Subscription(Caller Caller, ImmutableHashSet<Guid> Jobs, bool AllJobs);
}
