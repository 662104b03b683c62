using Microsoft.AspNetCore.SignalR;

namespace TrainingService.Api.Hubs;

/// <summary>
/// Live job events. A client follows one job or all jobs and receives <c>JobStatusChanged</c>,
/// <c>EpochCompleted</c>, <c>BatchProgress</c> and <c>CheckpointSaved</c> (all-jobs followers get
/// the first two), each event once; history comes from the REST endpoints, so a late or
/// reconnecting client loses nothing. Every connection also receives <c>WorkerChanged</c> at each
/// worker heartbeat (a few per worker every 5 s), so it needs no subscription.
/// </summary>
public sealed class TrainingHub(HubSubscriptions subscriptions) : Hub
{
    public const string Path = "/hubs/training";

    public void JoinJob(Guid jobId) => subscriptions.FollowJob(Context.ConnectionId, jobId);

    public void LeaveJob(Guid jobId) => subscriptions.UnfollowJob(Context.ConnectionId, jobId);

    public void JoinAllJobs() => subscriptions.FollowAllJobs(Context.ConnectionId, true);

    public void LeaveAllJobs() => subscriptions.FollowAllJobs(Context.ConnectionId, false);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
