using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Queueing;

/// <summary>
/// Gives every queued job that has none a Hangfire job: the job row is the outbox. A job enters
/// <see cref="JobStatus.Queued"/> (submitted, resumed, handed back, restarted) without a Hangfire job,
/// and whoever dispatches first (the submitting request, or any process's sweep) enqueues it under a
/// row lock, on the queue <see cref="JobRouting"/> picks from its device, its priority and the workers online.
/// A crash after the enqueue and before the commit only enqueues twice, which the runner's claim on the job
/// row makes harmless. A job no online worker can run is still enqueued (it runs when one starts) and says why.
/// </summary>
public sealed class JobDispatcher(IDbContextFactory<TrainingDbContext> contexts, IBackgroundJobClient hangfire, JobStorage storage, TimeProvider clock)
{
    private const int BatchSize = 50;
    private const int ReviewedPerQueue = 1000;

    /// <summary>Dispatches one job (right after it was stored) or, with null, every pending one.</summary>
    public Task<int> DispatchAsync(Guid? jobId, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var pending = await (jobId is { } id
                    ? db.Jobs.FromSql($"""SELECT * FROM training_jobs WHERE "Id" = {id} AND "Status" = 'Queued' AND "HangfireJobId" IS NULL FOR UPDATE SKIP LOCKED""")
                    : db.Jobs.FromSql($"""SELECT * FROM training_jobs WHERE "Status" = 'Queued' AND "HangfireJobId" IS NULL ORDER BY "CreatedAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED"""))
                .AsNoTracking().ToListAsync(ct);
            if (pending.Count == 0)
            {
                return 0;
            }
            var fleet = await ReadFleetAsync(ct);
            var freeGpuSlots = fleet.FreeGpuSlots;
            var now = clock.GetUtcNow();
            foreach (var job in pending)
            {
                var route = JobRouting.Route(job.Spec.Hyperparameters, fleet, freeGpuSlots);
                if (route.Target == QueueTarget.Cuda && job.Spec.Hyperparameters.Device == "auto")
                {
                    freeGpuSlots--;
                }
                var hangfireJobId = hangfire.Enqueue<ITrainingJobRunner>(route.Queue, runner => runner.RunAsync(job.Id, CancellationToken.None));
                var reason = route.WaitingReason ?? WaitingReasons.Cleared(job.StatusReason);
                var changed = reason != job.StatusReason;
                var updatedAt = changed ? now : job.UpdatedAt;
                // Untracked, and written column by column: tracking the rows' specs and resolutions only to write two
                // columns was most of a dispatch's time.
                await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(j => j.HangfireJobId, hangfireJobId)
                    .SetProperty(j => j.StatusReason, reason)
                    .SetProperty(j => j.UpdatedAt, updatedAt), ct);
                if (!changed) continue;
                (job.HangfireJobId, job.StatusReason, job.UpdatedAt) = (hangfireJobId, reason, now);
                await db.NotifyAsync(JobLifecycle.StatusEvent(job, now), ct);
            }
            return pending.Count;
        }, cancellationToken);

    /// <summary>
    /// The supervisor's look at dispatched jobs that wait in a queue no online worker serves: each says why, and an
    /// <c>auto</c> job caught on a device queue whose workers went away is taken back, so the next dispatch puts it
    /// where any worker can take it. A job whose queue has a worker again has its waiting reason cleared.
    /// Returns how many jobs it changed.
    /// </summary>
    public async Task<int> ReviewWaitingAsync(CancellationToken cancellationToken)
    {
        var fleet = await ReadFleetAsync(cancellationToken);
        var stranded = await Task.Run(() => StrandedJobs(fleet), cancellationToken);
        return await contexts.InTransactionAsync(async (db, ct) =>
        {
            var strandedIds = stranded.Keys.ToArray();
            var waitingReasons = WaitingReasons.All.ToArray();
            var candidates = await db.Jobs
                .FromSql($"""
                    SELECT * FROM training_jobs WHERE "Status" = 'Queued' AND "HangfireJobId" IS NOT NULL
                    AND ("HangfireJobId" = ANY({strandedIds}) OR "StatusReason" = ANY({waitingReasons})) FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            var now = clock.GetUtcNow();
            var changed = new List<TrainingJob>();
            foreach (var job in candidates)
            {
                string? reason;
                if (stranded.TryGetValue(job.HangfireJobId!, out var target))
                {
                    if (job.Spec.Hyperparameters.Device == "auto" && target != QueueTarget.Auto)
                    {
                        hangfire.Delete(job.HangfireJobId);
                        job.HangfireJobId = null;
                        reason = WaitingReasons.Cleared(job.StatusReason);
                    }
                    else
                    {
                        reason = WaitingReasons.For(target);
                    }
                }
                else
                {
                    reason = WaitingReasons.Cleared(job.StatusReason);
                }
                if (reason != job.StatusReason || job.HangfireJobId is null)
                {
                    job.StatusReason = reason;
                    job.UpdatedAt = now;
                    changed.Add(job);
                }
            }
            await SaveAndAnnounceAsync(db, changed, now, ct);
            return changed.Count;
        }, cancellationToken);
    }

    /// <summary>Saves the jobs' new reasons, then announces each, in the caller's transaction: the NOTIFY goes out on commit.</summary>
    private static async Task SaveAndAnnounceAsync(TrainingDbContext db, IReadOnlyList<TrainingJob> jobs, DateTimeOffset now, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var job in jobs)
        {
            await db.NotifyAsync(JobLifecycle.StatusEvent(job, now), ct);
        }
    }

    private Task<FleetSnapshot> ReadFleetAsync(CancellationToken cancellationToken) =>
        Task.Run(() => FleetSnapshot.Read(storage, clock.GetUtcNow()), cancellationToken);

    /// <summary>The Hangfire jobs enqueued on a queue that no online worker fetches, with that queue's target.</summary>
    private Dictionary<string, QueueTarget> StrandedJobs(FleetSnapshot fleet)
    {
        var monitoring = storage.GetMonitoringApi();
        var stranded = new Dictionary<string, QueueTarget>(StringComparer.Ordinal);
        foreach (var queue in TrainingQueues.All)
        {
            TrainingQueues.TryParse(queue, out _, out var target);
            if (fleet.HasWorkerFor(target)) continue;
            foreach (var enqueued in monitoring.EnqueuedJobs(queue, 0, ReviewedPerQueue))
            {
                stranded[enqueued.Key] = target;
            }
        }
        return stranded;
    }
}
