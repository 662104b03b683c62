using Microsoft.AspNetCore.SignalR;

namespace TrainingService.Api.Hubs;

/// <summary>
/// Live job events. A client joins one job's group or the all-jobs group and receives
/// <c>JobStatusChanged</c>, <c>EpochCompleted</c>, <c>BatchProgress</c> and <c>CheckpointSaved</c>;
/// history comes from the REST endpoints, so a late or reconnecting client loses nothing.
/// </summary>
public sealed class TrainingHub : Hub
{
    public const string Path = "/hubs/training";

    public Task JoinJob(Guid jobId) => Groups.AddToGroupAsync(Context.ConnectionId, TrainingHubGroups.Job(jobId));

    public Task LeaveJob(Guid jobId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, TrainingHubGroups.Job(jobId));

    public Task JoinAllJobs() => Groups.AddToGroupAsync(Context.ConnectionId, TrainingHubGroups.AllJobs);

    public Task LeaveAllJobs() => Groups.RemoveFromGroupAsync(Context.ConnectionId, TrainingHubGroups.AllJobs);
}
