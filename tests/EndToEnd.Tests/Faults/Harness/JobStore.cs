using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Faults.Harness;

/// <summary>
/// Reads the service's tables directly, for what the API does not show (step-loss ranges, checkpoint
/// paths) and for watching a job while the Api itself is down. Read-only.
/// </summary>
public sealed class JobStore(string connectionString)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private TrainingDbContext Open() =>
        new(new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(connectionString).Options);

    public async Task<TrainingJob> JobAsync(Guid jobId)
    {
        await using var db = Open();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    public async Task<IReadOnlyList<JobAttemptRecord>> AttemptsAsync(Guid jobId)
    {
        await using var db = Open();
        return await db.Attempts.AsNoTracking().Where(a => a.JobId == jobId).OrderBy(a => a.Attempt).ToListAsync();
    }

    public async Task<IReadOnlyList<StepLossesRecord>> StepLossesAsync(Guid jobId)
    {
        await using var db = Open();
        return await db.StepLosses.AsNoTracking().Where(s => s.JobId == jobId).OrderBy(s => s.Epoch).ToListAsync();
    }

    public async Task<IReadOnlyList<CheckpointRecord>> CheckpointsAsync(Guid jobId)
    {
        await using var db = Open();
        return await db.Checkpoints.AsNoTracking().Where(c => c.JobId == jobId).OrderBy(c => c.Name).ToListAsync();
    }

    /// <summary>The epochs of the job's stored metrics rows, one entry per row (a duplicate would appear twice).</summary>
    public async Task<IReadOnlyList<int>> MetricEpochsAsync(Guid jobId)
    {
        await using var db = Open();
        return await db.EpochMetrics.AsNoTracking().Where(m => m.JobId == jobId).OrderBy(m => m.Epoch).Select(m => m.Epoch).ToListAsync();
    }

    /// <summary>A database error, bare or as EF's execution strategy wraps a transient one.</summary>
    public static bool IsUnreachable(Exception exception) => exception is DbException || exception.InnerException is DbException;

    /// <summary>
    /// Polls the job row every 50 ms until <paramref name="condition"/> holds. A database that does not
    /// answer (an outage in progress) only means "not yet".
    /// </summary>
    /// <param name="guard">Called on every poll; throws to end the wait early (a process the wait depends on died).</param>
    public async Task<TrainingJob> WaitForAsync(Guid jobId, Func<TrainingJob, bool> condition, TimeSpan timeout, string what, Action? guard = null)
    {
        var clock = Stopwatch.StartNew();
        TrainingJob? last = null;
        while (clock.Elapsed < timeout)
        {
            guard?.Invoke();
            try
            {
                last = await JobAsync(jobId);
                if (condition(last)) return last;
                if (JobStatusTransitions.IsTerminal(last.Status))
                {
                    throw new FaultScenarioException($"Waiting for {what}, the job ended {last.Status}: {last.Error}");
                }
            }
            catch (Exception exception) when (IsUnreachable(exception))
            {
                // Unreachable right now; keep polling.
            }
            await Task.Delay(PollInterval);
        }
        throw new FaultScenarioException($"Timed out after {timeout} waiting for {what}; the job is {last?.Status} "
            + $"(attempt {last?.Attempt}, epoch {last?.CurrentEpoch}, reason '{last?.StatusReason}').");
    }
}
