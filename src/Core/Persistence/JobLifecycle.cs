using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;
using TrainingService.Core.Training;

namespace TrainingService.Core.Persistence;

/// <summary>
/// The one owner of a job's state: every move of <see cref="JobStatusTransitions"/> is one conditional
/// UPDATE and its NOTIFY in one transaction, so a move that lost a race changes nothing and announces
/// nothing. A job enters <see cref="JobStatus.Queued"/> without a Hangfire job; <see cref="JobDispatcher"/>
/// gives it one, so no crash between storing and enqueueing can strand it.
/// </summary>
public sealed class JobLifecycle(IDbContextFactory<TrainingDbContext> contexts, TimeProvider clock)
{
    public async Task<TrainingJob> CreateAsync(TrainingJobSpec spec, JobResolution? resolution, CancellationToken cancellationToken) =>
        (await CreateAsync(spec, resolution, owner: null, cancellationToken))!;

    /// <summary>
    /// Stores a job for <paramref name="owner"/>, or returns null when their key already has
    /// <see cref="JobOwnership.MaxActiveJobs"/> queued, running or paused jobs. A per-key advisory lock makes the
    /// count and the insert one step, so parallel submissions with one key cannot overshoot the limit.
    /// </summary>
    public Task<TrainingJob?> CreateAsync(TrainingJobSpec spec, JobResolution? resolution, JobOwnership? owner, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync((db, ct) => InsertAsync(db, spec, resolution, owner, trial: null, ct), cancellationToken);

    /// <summary>
    /// <see cref="CreateAsync(TrainingJobSpec, JobResolution?, JobOwnership?, CancellationToken)"/> in the caller's transaction, so a
    /// sweep stores itself and its first trials as one step; <paramref name="trial"/> links the job to its sweep.
    /// </summary>
    internal async Task<TrainingJob?> InsertAsync(TrainingDbContext db, TrainingJobSpec spec, JobResolution? resolution, JobOwnership? owner,
        (Guid SweepId, int Number)? trial, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var job = new TrainingJob
        {
            Id = Guid.CreateVersion7(now),
            Name = spec.Name,
            Spec = spec,
            Resolution = resolution,
            Status = JobStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
            TotalEpochs = spec.Hyperparameters.Epochs,
            OwnerId = owner?.OwnerId,
            ApiKeyId = owner?.ApiKeyId,
            SweepId = trial?.SweepId,
            TrialNumber = trial?.Number,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        if (owner is not { ApiKeyId: var keyId, MaxActiveJobs: { } maxActive })
        {
            await db.NotifyAsync(StatusEvent(job, now), ct);
            return job;
        }
        if (await KeyActiveJobsCheck.LockCountAndAnnounceAsync(db, keyId, maxActive, StatusEvent(job, now), ct) <= maxActive) return job;
        // Over the limit: the row goes, and the caller's transaction (a sweep's included) carries on without it.
        db.Jobs.Remove(job);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Takes a queued job for this worker: a new run id, attempt + 1, an open attempt row, and the
    /// training checkpoint to continue from. Rows a lost attempt wrote past that checkpoint are
    /// superseded (deleted), so each epoch has one row and the step series has no gap. Null when the
    /// job is not queued (another worker has it, or it was cancelled or paused meanwhile).
    /// </summary>
    public Task<JobRun?> TryStartRunAsync(Guid jobId, string workerName, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var runId = Guid.NewGuid();
            var taken = await db.Jobs
                .Where(j => j.Id == jobId && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.RunId, runId)
                    .SetProperty(j => j.Attempt, j => j.Attempt + 1)
                    .SetProperty(j => j.WorkerName, workerName)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now)
                    .SetProperty(j => j.HeartbeatAt, now)
                    .SetProperty(j => j.UpdatedAt, now)
                    .SetProperty(j => j.StopRequest, (StopRequest?)null)
                    .SetProperty(j => j.StopReason, (string?)null)
                    .SetProperty(j => j.StatusReason, (string?)null)
                    .SetProperty(j => j.Error, (string?)null), ct);
            if (taken == 0)
            {
                return null;
            }
            var resume = await db.Checkpoints.AsNoTracking()
                .SingleOrDefaultAsync(c => c.JobId == jobId && c.Name == CheckpointNames.Training, ct);
            var keptEpochs = resume?.Epoch ?? 0;
            await db.EpochMetrics.Where(m => m.JobId == jobId && m.Epoch > keptEpochs).ExecuteDeleteAsync(ct);
            await db.StepLosses.Where(s => s.JobId == jobId && s.Epoch > keptEpochs).ExecuteDeleteAsync(ct);
            await db.Checkpoints.Where(c => c.JobId == jobId && c.Epoch > keptEpochs).ExecuteDeleteAsync(ct);
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.CurrentEpoch, keptEpochs), ct);
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
            db.Attempts.Add(new JobAttemptRecord
            {
                JobId = jobId, Attempt = job.Attempt, RunId = runId, WorkerName = workerName, StartedAt = now,
                StartEpoch = keptEpochs, StartStep = resume?.Step ?? 0,
            });
            await db.SaveChangesAsync(ct);
            await db.NotifyAsync(StatusEvent(job, now), ct);
            return new JobRun(jobId, runId, job.Attempt, workerName, job.Spec, job.Resolution, resume);
        }, cancellationToken);

    /// <summary>Stores what the first run resolved (the computed normalisation) so every later run and prediction uses it.</summary>
    public Task StoreResolutionAsync(JobRun run, JobResolution resolution, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == run.JobId && j.RunId == run.RunId, ct)
                ?? throw new RunLeaseLostException(run.JobId, run.RunId);
            job.Resolution = resolution;
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);

    public Task<bool> CompleteAsync(JobRun run, TrainingOutcome outcome, CancellationToken cancellationToken) =>
        EndRunAsync(run, JobStatus.Succeeded, AttemptEndReasons.Finished, null, null, outcome, cancellationToken);

    /// <summary>A failure a restart cannot mend; the job fails with a message a user can act on.</summary>
    public Task<bool> FailAsync(JobRun run, string error, CancellationToken cancellationToken) =>
        EndRunAsync(run, JobStatus.Failed, AttemptEndReasons.Failed, error, error, null, cancellationToken);

    /// <summary>Ends a cancelled run; its reason is the one the cancel was asked with (ASHA's, a sweep's), else the user's.</summary>
    public Task<bool> CancelRunAsync(JobRun run, CancellationToken cancellationToken) =>
        EndRunAsync(run, JobStatus.Cancelled, AttemptEndReasons.Cancelled, null, null, null, cancellationToken);

    public Task<bool> PauseRunAsync(JobRun run, CancellationToken cancellationToken) =>
        EndRunAsync(run, JobStatus.Paused, AttemptEndReasons.Paused, null, "paused by the user", null, cancellationToken);

    /// <summary>Hands a run back to the queue with its training checkpoint: its worker is stopping.</summary>
    public Task<bool> HandBackAsync(JobRun run, CancellationToken cancellationToken) =>
        EndRunAsync(run, JobStatus.Queued, AttemptEndReasons.Drained, null, $"handed back by {run.WorkerName}, which was stopping; resuming", null, cancellationToken);

    /// <summary>
    /// The run threw something a restart may mend: queue the job again from its training checkpoint
    /// while restarts remain, else fail it with the reason.
    /// </summary>
    public Task<bool> RestartAfterCrashAsync(JobRun run, string error, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var job = await LockAsync(db, run.JobId, ct);
            if (job is null || job.RunId != run.RunId || job.Status != JobStatus.Running)
            {
                return false;
            }
            await RestartOrFailAsync(db, job, AttemptEndReasons.Crashed, error, $"crashed on {run.WorkerName}: {error}", ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Finds running jobs whose worker stopped renewing the lease and queues them again (or fails them
    /// past <c>maxRestarts</c>). Any process may call this; row locks with SKIP LOCKED keep two sweepers apart.
    /// </summary>
    public Task<int> RecoverLostRunsAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var expiredBefore = clock.GetUtcNow() - lease;
            var lost = await db.Jobs
                .FromSql($"""SELECT * FROM training_jobs WHERE "Status" = 'Running' AND ("HeartbeatAt" IS NULL OR "HeartbeatAt" < {expiredBefore}) FOR UPDATE SKIP LOCKED""")
                .ToListAsync(ct);
            foreach (var job in lost)
            {
                var silence = job.HeartbeatAt is { } beat ? $"no heartbeat for {(clock.GetUtcNow() - beat).TotalSeconds:0} s" : "no heartbeat";
                await RestartOrFailAsync(db, job, AttemptEndReasons.LostLease, $"worker {job.WorkerName} lost ({silence})",
                    $"worker {job.WorkerName} lost ({silence}); resuming", ct);
            }
            return lost.Count;
        }, cancellationToken);

    /// <summary>
    /// A user's cancel: a queued or paused job is cancelled at once and never starts; a running one is
    /// asked (through the job row and a NOTIFY to its worker) to stop at the next batch boundary.
    /// </summary>
    public Task<(ControlRequestResult Result, TrainingJob? Job)> RequestCancelAsync(Guid jobId, CancellationToken cancellationToken) =>
        RequestAsync(jobId, StopRequest.Cancel, cancellationToken);

    /// <summary>The cancel of a job that is not the user's own doing ("sweep cancelled"), which becomes its status reason.</summary>
    public Task<(ControlRequestResult Result, TrainingJob? Job)> RequestCancelAsync(Guid jobId, string reason, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var job = await LockAsync(db, jobId, ct);
            return job is null ? (ControlRequestResult.NotFound, (TrainingJob?)null) : (await RequestStopAsync(db, job, StopRequest.Cancel, reason, ct), job);
        }, cancellationToken);

    /// <summary>A user's pause: a queued job is paused at once; a running one checkpoints at the next batch boundary and frees its worker.</summary>
    public Task<(ControlRequestResult Result, TrainingJob? Job)> RequestPauseAsync(Guid jobId, CancellationToken cancellationToken) =>
        RequestAsync(jobId, StopRequest.Pause, cancellationToken);

    /// <summary>A user's resume of a paused job: it is queued again and continues from its training checkpoint on any worker.</summary>
    public Task<(ControlRequestResult Result, TrainingJob? Job)> ResumeAsync(Guid jobId, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var job = await LockAsync(db, jobId, ct);
            if (job is null) return (ControlRequestResult.NotFound, (TrainingJob?)null);
            switch (job.Status)
            {
                case JobStatus.Paused:
                    await MoveAsync(db, job, JobStatus.Queued, "resumed by the user", ct);
                    return (ControlRequestResult.Done, job);
                case JobStatus.Running when job.StopRequest == StopRequest.Pause:
                    // The pause has not taken effect yet: withdrawing it lets the run go on.
                    job.StopRequest = null;
                    job.UpdatedAt = clock.GetUtcNow();
                    await db.SaveChangesAsync(ct);
                    return (ControlRequestResult.Done, job);
                case JobStatus.Queued or JobStatus.Running:
                    return (ControlRequestResult.AlreadyDone, job);
                default:
                    return (ControlRequestResult.Conflict, job);
            }
        }, cancellationToken);

    private Task<(ControlRequestResult Result, TrainingJob? Job)> RequestAsync(Guid jobId, StopRequest request, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var job = await LockAsync(db, jobId, ct);
            return job is null ? (ControlRequestResult.NotFound, (TrainingJob?)null) : (await RequestStopAsync(db, job, request, null, ct), job);
        }, cancellationToken);

    /// <summary>
    /// A stop request on a job row the caller has locked, in the caller's transaction. <paramref name="reason"/> (null: the user's)
    /// becomes the status reason, at once for a queued or paused job, through <see cref="TrainingJob.StopReason"/> for a running one.
    /// </summary>
    internal async Task<ControlRequestResult> RequestStopAsync(TrainingDbContext db, TrainingJob job, StopRequest request, string? reason, CancellationToken ct)
    {
        var target = request == StopRequest.Cancel ? JobStatus.Cancelled : JobStatus.Paused;
        if (job.Status == target) return ControlRequestResult.AlreadyDone;
        switch (job.Status)
        {
            case JobStatus.Queued or JobStatus.Paused:
                if (target == JobStatus.Cancelled) job.FinishedAt = clock.GetUtcNow();
                await MoveAsync(db, job, target, reason ?? (request == StopRequest.Cancel ? CancelledByTheUser : "paused by the user"), ct);
                return ControlRequestResult.Done;
            case JobStatus.Running:
                // A cancel overrides a pending pause; a pause never downgrades a pending cancel.
                if (job.StopRequest == StopRequest.Cancel || job.StopRequest == request) return ControlRequestResult.AlreadyDone;
                job.StopRequest = request;
                job.StopReason = reason;
                job.UpdatedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                await db.NotifyAsync(new JobControlChannel.Message(job.Id, request), ct);
                await db.NotifyAsync(StatusEvent(job, job.UpdatedAt), ct);
                return ControlRequestResult.Requested;
            default:
                return ControlRequestResult.Conflict;
        }
    }

    private const string CancelledByTheUser = "cancelled by the user";

    private async Task RestartOrFailAsync(TrainingDbContext db, TrainingJob job, string endReason, string error, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await EndAttemptAsync(db, job.Id, job.Attempt, endReason, error, now, ct);
        if (job.Restarts >= job.Spec.Hyperparameters.MaxRestarts)
        {
            job.Error = $"{error.TrimEnd('.')}. The job was restarted {job.Restarts} time(s), its limit (hyperparameters.maxRestarts = "
                + $"{job.Spec.Hyperparameters.MaxRestarts}), so it failed.";
            job.FinishedAt = now;
            await MoveAsync(db, job, JobStatus.Failed, null, ct);
            return;
        }
        job.Restarts++;
        await MoveAsync(db, job, JobStatus.Queued, $"{reason} (restart {job.Restarts} of {job.Spec.Hyperparameters.MaxRestarts})", ct);
    }

    private Task<bool> EndRunAsync(JobRun run, JobStatus target, string endReason, string? error, string? statusReason,
        TrainingOutcome? outcome, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var job = await LockAsync(db, run.JobId, ct);
            if (job is null || job.RunId != run.RunId || job.Status != JobStatus.Running)
            {
                return false;
            }
            var now = clock.GetUtcNow();
            await EndAttemptAsync(db, run.JobId, run.Attempt, endReason, error, now, ct);
            job.Error = error;
            if (outcome is not null)
            {
                (job.TestLoss, job.TestAccuracy, job.BestEpoch, job.Evaluation, job.StoppedEarlyAfterEpoch) =
                    (outcome.TestLoss, outcome.TestAccuracy, outcome.BestEpoch, outcome.Evaluation, outcome.StoppedEarlyAfterEpoch);
            }
            if (JobStatusTransitions.IsTerminal(target))
            {
                job.FinishedAt = now;
            }
            await MoveAsync(db, job, target, target == JobStatus.Cancelled ? job.StopReason ?? CancelledByTheUser : statusReason, ct);
            return true;
        }, cancellationToken);

    /// <summary>Applies a legal move to a locked, tracked job row and announces it; leaving a run clears the lease.</summary>
    private async Task MoveAsync(TrainingDbContext db, TrainingJob job, JobStatus target, string? reason, CancellationToken ct)
    {
        if (!JobStatusTransitions.IsAllowed(job.Status, target))
        {
            throw new InvalidOperationException($"Job {job.Id} cannot move from {job.Status} to {target}.");
        }
        var now = clock.GetUtcNow();
        job.Status = target;
        job.StatusReason = reason;
        job.UpdatedAt = now;
        job.StopRequest = null;
        job.StopReason = null;
        job.RunId = null;
        job.HeartbeatAt = null;
        if (target == JobStatus.Queued)
        {
            // Queued without a Hangfire job: the dispatcher enqueues it, once this commits.
            job.HangfireJobId = null;
        }
        await db.SaveChangesAsync(ct);
        await db.NotifyAsync(StatusEvent(job, now), ct);
    }

    private static Task EndAttemptAsync(TrainingDbContext db, Guid jobId, int attempt, string reason, string? error, DateTimeOffset now, CancellationToken ct) =>
        db.Attempts.Where(a => a.JobId == jobId && a.Attempt == attempt && a.EndedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.EndedAt, now)
                .SetProperty(a => a.EndReason, reason)
                .SetProperty(a => a.Error, error == null ? null : error.Length > 2000 ? error.Substring(0, 2000) : error), ct);

    internal static Task<TrainingJob?> LockAsync(TrainingDbContext db, Guid jobId, CancellationToken ct) =>
        db.Jobs.FromSql($"""SELECT * FROM training_jobs WHERE "Id" = {jobId} FOR UPDATE""").SingleOrDefaultAsync(ct);

    internal static JobStatusChangedEvent StatusEvent(TrainingJob job, DateTimeOffset now) =>
        new(job.Id, job.Status, JobStatusChangedEvent.Shorten(job.Error), job.CurrentEpoch, job.TotalEpochs, job.TestAccuracy, now)
        {
            Reason = JobStatusChangedEvent.Shorten(job.StatusReason),
            StopRequest = job.StopRequest?.ToString(),
            Attempt = job.Attempt,
        };
}
