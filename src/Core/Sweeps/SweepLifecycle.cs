using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Core.Sweeps;

/// <summary>
/// The one owner of a sweep's state and of its trials' creation. Trials are ordinary jobs made by
/// <see cref="JobLifecycle"/> and dispatched by <see cref="JobDispatcher"/>; at most <c>maxConcurrent</c> are queued,
/// running or paused at once. A sweep is created with its first trials in one transaction; later trials are created by
/// <see cref="AdvanceAsync"/>, which any number of processes may run at once (sweep rows are taken with SKIP LOCKED).
/// </summary>
public sealed class SweepLifecycle(IDbContextFactory<TrainingDbContext> contexts, JobLifecycle jobs, JobDispatcher dispatcher, TrialSpecs trials,
    TimeProvider clock, ILogger<SweepLifecycle> logger)
{
    private const int SweepsPerPass = 50;

    /// <summary>Stores the sweep and as many of its first trials as <c>maxConcurrent</c> and the key's limit allow, then dispatches them.</summary>
    public async Task<SweepRecord> CreateAsync(SweepSpec spec, IReadOnlyList<PlannedTrial> planned, SweepOwner? owner, int? maxActiveJobs,
        CancellationToken cancellationToken)
    {
        var (sweep, created) = await contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var sweep = new SweepRecord
            {
                Id = Guid.CreateVersion7(now), Name = spec.Name, OwnerId = owner?.OwnerId, ApiKeyId = owner?.ApiKeyId,
                Status = SweepStatus.Running, Spec = spec, CreatedAt = now, UpdatedAt = now,
            };
            db.Sweeps.Add(sweep);
            await db.SaveChangesAsync(ct);
            var created = new List<Guid>();
            while (sweep.TrialsCreated < Math.Min(spec.MaxConcurrent, planned.Count))
            {
                var trial = planned[sweep.TrialsCreated];
                if (await CreateTrialAsync(db, sweep, trial.Spec, trial.Resolution, maxActiveJobs, ct) is not { } job) break;
                created.Add(job);
            }
            await db.SaveChangesAsync(ct);
            return (sweep, created);
        }, cancellationToken);
        await DispatchAsync(created, cancellationToken);
        return sweep;
    }

    /// <summary>
    /// One pass over the running sweeps: each creates trials while it has fewer than <c>maxConcurrent</c> unfinished and has
    /// trials left, and ends once every planned trial has ended (<see cref="SweepStatus.Failed"/> when every one failed).
    /// Returns the trials it created.
    /// </summary>
    public async Task<int> AdvanceAsync(int? maxActiveJobs, CancellationToken cancellationToken)
    {
        var created = await contexts.InTransactionAsync(async (db, ct) =>
        {
            var created = new List<Guid>();
            var sweeps = await db.Sweeps
                .FromSql($"""SELECT * FROM sweeps WHERE "Status" = 'Running' ORDER BY "CreatedAt" LIMIT {SweepsPerPass} FOR UPDATE SKIP LOCKED""")
                .ToListAsync(ct);
            foreach (var sweep in sweeps)
            {
                created.AddRange(await AdvanceAsync(db, sweep, maxActiveJobs, ct));
            }
            await db.SaveChangesAsync(ct);
            return created;
        }, cancellationToken);
        await DispatchAsync(created, cancellationToken);
        return created.Count;
    }

    /// <summary>
    /// Cancels a running sweep as a whole: no trial is created any more, queued and paused trials are cancelled at once and
    /// running ones are asked to stop at their next batch boundary, each with the reason "sweep cancelled". Returns the
    /// Hangfire deliveries of the trials cancelled at once, which the caller may delete.
    /// </summary>
    public Task<(ControlRequestResult Result, SweepRecord? Sweep, IReadOnlyList<string> Deliveries)> CancelAsync(Guid sweepId, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var sweep = await LockAsync(db, sweepId, ct);
            if (sweep is null) return (ControlRequestResult.NotFound, (SweepRecord?)null, (IReadOnlyList<string>)[]);
            if (sweep.Status != SweepStatus.Running) return (ControlRequestResult.Conflict, sweep, []);
            var now = clock.GetUtcNow();
            (sweep.Status, sweep.StatusReason, sweep.FinishedAt, sweep.UpdatedAt) = (SweepStatus.Cancelled, "cancelled by the user", now, now);
            var unfinished = await db.Jobs.Where(j => j.SweepId == sweepId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running || j.Status == JobStatus.Paused))
                .OrderBy(j => j.TrialNumber).Select(j => j.Id).ToListAsync(ct);
            var deliveries = new List<string>();
            foreach (var id in unfinished)
            {
                var job = await JobLifecycle.LockAsync(db, id, ct);
                var delivery = job?.HangfireJobId;
                if (job is not null && await jobs.RequestStopAsync(db, job, Persistence.StopRequest.Cancel, SweepCancelled, ct) == ControlRequestResult.Done
                    && delivery is not null)
                {
                    deliveries.Add(delivery);
                }
            }
            await db.SaveChangesAsync(ct);
            return (ControlRequestResult.Done, sweep, deliveries);
        }, cancellationToken);

    public const string SweepCancelled = "sweep cancelled";

    private async Task<List<Guid>> AdvanceAsync(TrainingDbContext db, SweepRecord sweep, int? maxActiveJobs, CancellationToken ct)
    {
        var created = new List<Guid>();
        var spec = sweep.Spec;
        var states = await db.Jobs.Where(j => j.SweepId == sweep.Id).GroupBy(j => j.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var unfinished = states.Where(s => !JobStatusTransitions.IsTerminal(s.Status)).Sum(s => s.Count);
        var now = clock.GetUtcNow();
        if (sweep.TrialsCreated < spec.MaxTrials && unfinished < spec.MaxConcurrent)
        {
            var points = SearchSpace.Trials(spec, spec.MaxTrials);
            while (sweep.TrialsCreated < spec.MaxTrials && unfinished < spec.MaxConcurrent)
            {
                var point = points[sweep.TrialsCreated];
                var result = trials.Validate(spec.BaseSpec, point.Values, TrialSpecs.TrialName(spec.Name, point.Number));
                if (!result.IsValid)
                {
                    // Checked at submission; only a change since (a dataset deleted) gets here, and no later trial can fare better.
                    var problems = string.Join("; ", result.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"));
                    (sweep.Status, sweep.FinishedAt, sweep.UpdatedAt) = (SweepStatus.Failed, now, now);
                    sweep.StatusReason = Shorten($"trial {point.Number} cannot be created: {problems}");
                    return created;
                }
                if (await CreateTrialAsync(db, sweep, result.Spec!, result.Resolution, maxActiveJobs, ct) is not { } job)
                {
                    SetReason(sweep, $"waiting: the key already has its {maxActiveJobs} queued, running or paused jobs", now);
                    return created;
                }
                created.Add(job);
                unfinished++;
            }
        }
        if (sweep.TrialsCreated >= spec.MaxTrials && unfinished == 0)
        {
            var failed = states.Where(s => s.Status == JobStatus.Failed).Sum(s => s.Count);
            var everyTrialFailed = failed == sweep.TrialsCreated;
            (sweep.Status, sweep.FinishedAt, sweep.UpdatedAt) = (everyTrialFailed ? SweepStatus.Failed : SweepStatus.Completed, now, now);
            sweep.StatusReason = everyTrialFailed ? "every trial failed" : null;
        }
        return created;
    }

    private async Task<Guid?> CreateTrialAsync(TrainingDbContext db, SweepRecord sweep, TrainingJobSpec spec, JobResolution? resolution,
        int? maxActiveJobs, CancellationToken ct)
    {
        var owner = sweep is { OwnerId: { } ownerId, ApiKeyId: { } keyId } ? new JobOwnership(ownerId, keyId, maxActiveJobs) : null;
        var job = await jobs.InsertAsync(db, spec, resolution, owner, (sweep.Id, sweep.TrialsCreated + 1), ct);
        if (job is null) return null;
        sweep.TrialsCreated++;
        SetReason(sweep, null, clock.GetUtcNow());
        return job.Id;
    }

    private static void SetReason(SweepRecord sweep, string? reason, DateTimeOffset now)
    {
        if (sweep.StatusReason == reason) return;
        (sweep.StatusReason, sweep.UpdatedAt) = (reason, now);
    }

    private async Task DispatchAsync(IReadOnlyList<Guid> created, CancellationToken cancellationToken)
    {
        foreach (var id in created)
        {
            try
            {
                await dispatcher.DispatchAsync(id, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Stored as Queued with no Hangfire job: every process's supervisor dispatches it within seconds.
                logger.LogWarning(exception, "Trial {JobId} stored; dispatch left to the supervisor", id);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..997] + "...";

    internal static Task<SweepRecord?> LockAsync(TrainingDbContext db, Guid sweepId, CancellationToken ct) =>
        db.Sweeps.FromSql($"""SELECT * FROM sweeps WHERE "Id" = {sweepId} FOR UPDATE""").SingleOrDefaultAsync(ct);
}
