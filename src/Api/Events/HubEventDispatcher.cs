using Microsoft.AspNetCore.SignalR;
using TrainingService.Api.Hubs;
using TrainingService.Core.Events;

namespace TrainingService.Api.Events;

/// <summary>Forwards a database event to the connections following its job; job-level events also go to all-jobs followers.</summary>
public sealed class HubEventDispatcher(IHubContext<TrainingHub> hub, HubSubscriptions subscriptions)
{
    public Task DispatchAsync(TrainingEvent trainingEvent, CancellationToken cancellationToken)
    {
        var (method, jobLevel) = trainingEvent switch
        {
            JobStatusChangedEvent => (TrainingHubEvents.JobStatusChanged, true),
            EpochCompletedEvent => (TrainingHubEvents.EpochCompleted, true),
            BatchProgressEvent => (TrainingHubEvents.BatchProgress, false),
            CheckpointSavedEvent => (TrainingHubEvents.CheckpointSaved, false),
            _ => (null, false),
        };
        var recipients = subscriptions.Recipients(trainingEvent.JobId, jobLevel);
        if (method is null || recipients.Count == 0)
        {
            return Task.CompletedTask;
        }
        return hub.Clients.Clients(recipients).SendAsync(method, trainingEvent, cancellationToken);
    }

    public Task AnnounceResumedAsync(CancellationToken cancellationToken) =>
        hub.Clients.All.SendAsync(TrainingHubEvents.StreamResumed, cancellationToken);
}
