using Microsoft.AspNetCore.SignalR;
using TrainingService.Api.Hubs;
using TrainingService.Core.Events;

namespace TrainingService.Api.Events;

/// <summary>Forwards a database event to the job's group and, for job-level events, to the all-jobs group.</summary>
public sealed class HubEventDispatcher(IHubContext<TrainingHub> hub)
{
    public Task DispatchAsync(TrainingEvent trainingEvent, CancellationToken cancellationToken)
    {
        var jobGroup = TrainingHubGroups.Job(trainingEvent.JobId);
        return trainingEvent switch
        {
            JobStatusChangedEvent e => hub.Clients.Groups(jobGroup, TrainingHubGroups.AllJobs)
                .SendAsync(TrainingHubEvents.JobStatusChanged, e, cancellationToken),
            EpochCompletedEvent e => hub.Clients.Groups(jobGroup, TrainingHubGroups.AllJobs)
                .SendAsync(TrainingHubEvents.EpochCompleted, e, cancellationToken),
            BatchProgressEvent e => hub.Clients.Group(jobGroup).SendAsync(TrainingHubEvents.BatchProgress, e, cancellationToken),
            CheckpointSavedEvent e => hub.Clients.Group(jobGroup).SendAsync(TrainingHubEvents.CheckpointSaved, e, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    public Task AnnounceResumedAsync(CancellationToken cancellationToken) =>
        hub.Clients.All.SendAsync(TrainingHubEvents.StreamResumed, cancellationToken);
}
