using Microsoft.AspNetCore.SignalR;

namespace TrainingService.EndToEnd.Tests.Browser;

/// <summary>The training hub's subscription methods, accepted and ignored: the browser tests need a hub that connects, not events.</summary>
public sealed class StandInTrainingHub : Hub
{
    public Task JoinJob(Guid jobId) => Groups.AddToGroupAsync(Context.ConnectionId, jobId.ToString());

    public Task LeaveJob(Guid jobId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, jobId.ToString());

    public Task JoinAllJobs() => Groups.AddToGroupAsync(Context.ConnectionId, "all-jobs");

    public Task LeaveAllJobs() => Groups.RemoveFromGroupAsync(Context.ConnectionId, "all-jobs");
}
