using Microsoft.EntityFrameworkCore;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Sweeps;

/// <summary>
/// Makes a trial's ASHA decisions right after its worker committed an epoch, under a lock on the sweep row, so two workers
/// deciding at once see each other's values. Every rung whose milestone the trial has reached and which has no decision
/// for it yet is decided (in order, until one stops it), so a run that resumes and re-reaches epochs decides nothing twice
/// and one that crashed between its epoch and its decision catches up. A stop is a cancel request with the reason
/// "stopped by ASHA at rung N"; the run ends at its next batch boundary, with its checkpoints, through the cancel path.
/// </summary>
public sealed class AshaReferee(IDbContextFactory<TrainingDbContext> contexts, JobLifecycle jobs, TimeProvider clock)
{
    public static string StopReason(int rung) => $"stopped by ASHA at rung {rung}";

    /// <returns>The 1-based rung at which the trial was stopped, or null when it goes on (or is no trial, or its sweep has no ASHA).</returns>
    public async Task<int?> DecideAsync(JobRun run, CancellationToken cancellationToken)
    {
        Guid? sweepId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            sweepId = await db.Jobs.Where(j => j.Id == run.JobId).Select(j => j.SweepId).SingleOrDefaultAsync(cancellationToken);
        }
        if (sweepId is not { } id) return null;
        return await contexts.InTransactionAsync(async (db, ct) =>
        {
            var sweep = await SweepLifecycle.LockAsync(db, id, ct);
            if (sweep is not { Status: SweepStatus.Running, Spec.EarlyStopping: { } asha }) return (int?)null;
            var rule = new AshaRule(asha, sweep.Spec.Mode);
            var metrics = await db.EpochMetrics.AsNoTracking().Where(m => m.JobId == run.JobId).ToDictionaryAsync(m => m.Epoch, ct);
            var decided = await db.SweepRungs.Where(r => r.SweepId == id && r.JobId == run.JobId).Select(r => r.Rung).ToListAsync(ct);
            var milestones = rule.Milestones(run.Spec.Hyperparameters.Epochs);
            for (var index = 0; index < milestones.Count; index++)
            {
                var rung = index + 1;
                if (decided.Contains(rung) || !metrics.TryGetValue(milestones[index], out var atMilestone)) continue;
                var value = SweepMetric.Read(sweep.Spec.Metric, atMilestone);
                var recorded = await db.SweepRungs.Where(r => r.SweepId == id && r.Rung == rung).Select(r => r.Value).ToListAsync(ct);
                var decision = rule.Decide(recorded, value);
                db.SweepRungs.Add(new SweepRungRecord
                {
                    SweepId = id, Rung = rung, JobId = run.JobId, Epoch = milestones[index], Value = value, Cutoff = decision.Cutoff,
                    Stopped = decision.Stop, RecordedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(ct);
                if (!decision.Stop) continue;
                if (await JobLifecycle.LockAsync(db, run.JobId, ct) is { } job)
                {
                    await jobs.RequestStopAsync(db, job, StopRequest.Cancel, StopReason(rung), ct);
                }
                return rung;
            }
            return null;
        }, cancellationToken);
    }
}
