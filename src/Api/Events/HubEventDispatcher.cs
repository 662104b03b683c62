using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using TrainingService.Api.Apis.Workers;
using TrainingService.Api.Hubs;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Events;

/// <summary>Forwards a database event to the connections following its job; job-level events also go to all-jobs followers.</summary>
public sealed class HubEventDispatcher(IHubContext<TrainingHub> hub, HubSubscriptions subscriptions, JobOwners owners,
    PredictionCache predictions, IOptions<RunLeaseOptions> lease, TimeProvider clock)
{
    public async Task DispatchAsync(TrainingEvent trainingEvent, CancellationToken cancellationToken)
    {
        var (method, jobLevel) = trainingEvent switch
        {
            JobStatusChangedEvent => (TrainingHubEvents.JobStatusChanged, true),
            EpochCompletedEvent => (TrainingHubEvents.EpochCompleted, true),
            BatchProgressEvent => (TrainingHubEvents.BatchProgress, false),
            CheckpointSavedEvent => (TrainingHubEvents.CheckpointSaved, false),
            JobLabelsChangedEvent => (TrainingHubEvents.JobLabelsChanged, true),
            JobDeletedEvent => (TrainingHubEvents.JobDeleted, true),
            _ => (null, false),
        };
        if (method is null) return;
        // Only a member following all jobs needs the owner; admins see every job, and joins by id were checked when made.
        // A deleted job's row is gone, so its event names the owner itself.
        var owner = !jobLevel || !subscriptions.AnyMemberFollowsAllJobs ? (Exists: false, OwnerId: null)
            : trainingEvent is JobDeletedEvent deleted ? (Exists: true, deleted.OwnerId)
            : await owners.OwnerOfAsync(trainingEvent.JobId, cancellationToken);
        var recipients = subscriptions.Recipients(trainingEvent.JobId, jobLevel, caller => caller.IsAdmin || (owner.Exists && caller.MaySee(owner.OwnerId)));
        if (trainingEvent is JobDeletedEvent)
        {
            owners.Forget(trainingEvent.JobId);
            predictions.Forget(trainingEvent.JobId);
        }
        if (recipients.Count == 0) return;
        await hub.Clients.Clients(recipients).SendAsync(method, trainingEvent, cancellationToken);
    }

    /// <summary>
    /// Every connection hears of every worker, since the fleet is small and its page needs no subscription. The
    /// job ids in it are filtered per caller as <c>GET /api/workers</c> filters them, so members still see their
    /// own job on a worker and never learn another user's.
    /// </summary>
    public async Task DispatchAsync(WorkerChannel.Message message, CancellationToken cancellationToken)
    {
        var worker = message.Worker?.ToResource(clock.GetUtcNow(), lease.Value.Lease);
        foreach (var (caller, connections) in subscriptions.ByCaller())
        {
            var shown = worker is null ? null : await worker.ForAsync(caller, owners, cancellationToken);
            await hub.Clients.Clients(connections).SendAsync(TrainingHubEvents.WorkerChanged, new WorkerChange(message.Name, shown), cancellationToken);
        }
    }

    public Task AnnounceResumedAsync(CancellationToken cancellationToken) =>
        hub.Clients.All.SendAsync(TrainingHubEvents.StreamResumed, cancellationToken);
}
