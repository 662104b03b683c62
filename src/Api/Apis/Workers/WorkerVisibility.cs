using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Workers;

/// <summary>
/// The fleet is everyone's to see, its jobs are not: a worker's current and last job ids are shown only to callers
/// who may see those jobs, so the workers list cannot reveal another user's job ids.
/// </summary>
public static class WorkerVisibility
{
    public static async ValueTask<WorkerResource> ForAsync(this WorkerResource worker, Caller caller, JobOwners owners, CancellationToken cancellationToken)
    {
        if (caller.IsAdmin) return worker;
        return worker with
        {
            CurrentJobId = await VisibleAsync(worker.CurrentJobId, caller, owners, cancellationToken),
            LastJobId = await VisibleAsync(worker.LastJobId, caller, owners, cancellationToken),
        };
    }

    private static async ValueTask<Guid?> VisibleAsync(Guid? jobId, Caller caller, JobOwners owners, CancellationToken cancellationToken) =>
        jobId is { } id && await owners.MaySeeAsync(caller, id, cancellationToken) ? id : null;
}
