using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TrainingService.Api.Identity;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Hubs;

/// <summary>
/// Live job events. A client follows one job or all jobs and receives <c>JobStatusChanged</c>,
/// <c>EpochCompleted</c>, <c>BatchProgress</c> and <c>CheckpointSaved</c> (all-jobs followers get
/// the first two), each event once; history comes from the REST endpoints, so a late or
/// reconnecting client loses nothing. Every connection also receives <c>WorkerChanged</c> at each
/// worker heartbeat (a few per worker every 5 s), so it needs no subscription.
/// A connection needs an API key. Joining a job the caller may not see does nothing, silently, exactly as
/// joining one that does not exist; all jobs means the caller's own jobs for a member.
/// </summary>
[Authorize]
public sealed class TrainingHub(HubSubscriptions subscriptions, JobOwners owners) : Hub
{
    public const string Path = "/hubs/training";

    /// <summary>A connection lasts as long as the check of its key (see <c>ApiKeyAuthenticationOptions.ConnectionLifetime</c>), so a revoked key's stream ends.</summary>
    public static void Configure(Microsoft.AspNetCore.Http.Connections.HttpConnectionDispatcherOptions options) =>
        options.CloseOnAuthenticationExpiration = true;

    public override Task OnConnectedAsync()
    {
        subscriptions.Connect(Context.ConnectionId, Context.User!.GetCaller());
        return base.OnConnectedAsync();
    }

    public async Task JoinJob(Guid jobId)
    {
        if (await owners.MaySeeAsync(Context.User!.GetCaller(), jobId, Context.ConnectionAborted))
        {
            subscriptions.FollowJob(Context.ConnectionId, jobId);
        }
    }

    public void LeaveJob(Guid jobId) => subscriptions.UnfollowJob(Context.ConnectionId, jobId);

    public void JoinAllJobs() => subscriptions.FollowAllJobs(Context.ConnectionId, true);

    public void LeaveAllJobs() => subscriptions.FollowAllJobs(Context.ConnectionId, false);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
