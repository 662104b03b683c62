using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using TrainingService.Api.Apis.Workers;
using TrainingService.Api.Hubs;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Events;

/// <summary>Forwards a database event to the connections following its job; job-level events also go to all-jobs followers.</summary>
public sealed class HubEventDispatcher(IHubContext<TrainingHub> hub, HubSubscriptions subscriptions, IOptions<RunLeaseOptions> lease, TimeProvider clock)
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

    /// <summary>Every connection hears of every worker: the fleet is small and its page needs no subscription.</summary>
    public Task DispatchAsync(WorkerChannel.Message message, CancellationToken cancellationToken) =>
        hub.Clients.All.SendAsync(TrainingHubEvents.WorkerChanged,
            new WorkerChange(message.Name, message.Worker?.ToResource(clock.GetUtcNow(), lease.Value.Lease)), cancellationToken);

    public Task AnnounceResumedAsync(CancellationToken cancellationToken) =>
        hub.Clients.All.SendAsync(TrainingHubEvents.StreamResumed, cancellationToken);
}
