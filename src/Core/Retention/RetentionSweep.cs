using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.Core.Retention;

/// <summary>
/// One retention run, under a PostgreSQL advisory lock so that one process at a time runs it (any may): it retries
/// pending file deletions, deletes files no row points at of jobs that are gone or finished, and, when the policy is
/// enabled, deletes the training checkpoints of jobs finished more than <see cref="RetentionOptions.TrainingCheckpointDays"/>
/// ago and then, oldest finished job first, as many more as bring all checkpoints under
/// <see cref="RetentionOptions.MaxCheckpointBytes"/>. Best and last checkpoints, and every file of a queued, running or
/// paused job, are never touched. Each run is recorded in <c>retention_runs</c>.
/// </summary>
public sealed class RetentionSweep(IDbContextFactory<TrainingDbContext> contexts, CheckpointArtifacts checkpoints, IArtifactStore store,
    TimeProvider clock, ILogger<RetentionSweep> logger)
{
    /// <summary>The advisory lock key: the first 8 bytes of "retention" spelled as an integer, fixed so every version agrees.</summary>
    private const long LockKey = 0x726574656e74696f;

    /// <summary>Runs when no run has started within <see cref="RetentionOptions.Interval"/>, in this or any other process.</summary>
    /// <returns>The run, or null when it was not due.</returns>
    public Task<RetentionRunRecord?> RunIfDueAsync(RetentionOptions policy, CancellationToken cancellationToken) =>
        LockedAsync(async ct =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var last = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Select(r => (DateTimeOffset?)r.StartedAt).FirstOrDefaultAsync(ct);
            return last is { } at && clock.GetUtcNow() - at < policy.Interval ? null : await RunLockedAsync(policy, ct);
        }, cancellationToken);

    /// <summary>Runs now, whenever the last run was.</summary>
    public async Task<RetentionRunRecord> RunAsync(RetentionOptions policy, CancellationToken cancellationToken) =>
        (await LockedAsync<RetentionRunRecord?>(async ct => await RunLockedAsync(policy, ct), cancellationToken))!;

    /// <summary>
    /// Removes this machine's copies of checkpoints whose job is gone, and those no row points at of finished jobs. Every
    /// process runs it for its own disk (with the postgres store each machine keeps its own copies), without the lock.
    /// </summary>
    /// <returns>How many job folders and files it deleted.</returns>
    public async Task<int> CleanLocalCopiesAsync(CancellationToken cancellationToken)
    {
        var folders = checkpoints.LocalJobFolders();
        if (folders.Count == 0) return 0;
        var jobs = await JobFilesAsync(folders.Select(f => f.JobId).ToList(), cancellationToken);
        var deleted = 0;
        foreach (var (jobId, folder) in folders)
        {
            try
            {
                if (!jobs.TryGetValue(jobId, out var job))
                {
                    Directory.Delete(folder, recursive: true);
                    deleted++;
                }
                else if (job.Finished)
                {
                    var root = Path.GetDirectoryName(Path.GetFullPath(folder))!;
                    foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList())
                    {
                        if (job.Referenced.Contains(Path.GetRelativePath(root, file).Replace('\\', '/'))) continue;
                        File.Delete(file);
                        deleted++;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Deleted meanwhile by a job's deletion, or not deletable now: the next check tries again.
                logger.LogDebug(exception, "Could not clean the local checkpoint folder {Folder}", folder);
            }
        }
        return deleted;
    }

    private async Task<T?> LockedAsync<T>(Func<CancellationToken, Task<T?>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private async Task<RetentionRunRecord> RunLockedAsync(RetentionOptions policy, CancellationToken ct)
    {
        var run = new RetentionRunRecord { Host = $"{Environment.MachineName}:{Environment.ProcessId}", StartedAt = clock.GetUtcNow() };
        var notes = new List<string>();
        var failed = 0;

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            foreach (var pending in await db.PendingFileDeletions.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct))
            {
                if (await PendingFileDeletions.TryCompleteAsync(contexts, checkpoints, pending, logger, ct) is { } files) run.DeletedFiles += files;
                else failed++;
            }
        }
        run.DeletedFiles += await DeleteUnreferencedAsync(ct);

        if (policy.Enabled)
        {
            if (policy.TrainingCheckpointDays is { } days)
            {
                var cutoff = run.StartedAt - TimeSpan.FromDays(days);
                foreach (var candidate in await TrainingCheckpointsOfFinishedJobsAsync(cutoff, ct))
                {
                    failed += await PruneAsync(candidate, run, ct) ? 0 : 1;
                }
            }
            if (policy.MaxCheckpointBytes is { } cap)
            {
                var total = await TotalCheckpointBytesAsync(ct);
                foreach (var candidate in total > cap ? await TrainingCheckpointsOfFinishedJobsAsync(null, ct) : [])
                {
                    if (total <= cap) break;
                    if (await PruneAsync(candidate, run, ct)) total -= candidate.SizeBytes;
                    else failed++;
                }
                if (total > cap)
                {
                    notes.Add($"checkpoints take {total} bytes, over the cap of {cap}, with no training checkpoint of a finished job left to delete; "
                        + "best and last checkpoints and those of unfinished jobs are kept");
                    logger.LogWarning("Retention: checkpoints take {Total} bytes, over Retention:MaxCheckpointBytes = {Cap}, and only best, last and unfinished jobs' checkpoints are left", total, cap);
                }
            }
        }
        if (failed > 0) notes.Add($"{failed} deletion(s) failed and will be retried");

        run.Note = notes.Count == 0 ? null : string.Join("; ", notes);
        run.FinishedAt = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.RetentionRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }
        run.DeletedFiles += await CleanLocalCopiesAsync(ct);
        if (run.FreedBytes > 0 || run.DeletedFiles > 0)
        {
            logger.LogInformation("Retention freed {Bytes} bytes of checkpoints and deleted {Files} file(s)", run.FreedBytes, run.DeletedFiles);
        }
        return run;
    }

    /// <summary>Deletes the row first and then, once that has committed, the file, as a job's deletion does.</summary>
    private async Task<bool> PruneAsync(CheckpointRecord checkpoint, RetentionRunRecord run, CancellationToken ct)
    {
        var pending = await contexts.InTransactionAsync(async (db, c) =>
        {
            var removed = await db.Checkpoints
                .Where(r => r.JobId == checkpoint.JobId && r.Name == checkpoint.Name && r.RelativePath == checkpoint.RelativePath)
                .ExecuteDeleteAsync(c);
            if (removed == 0) return null;
            var deletion = new PendingFileDeletionRecord
            {
                JobId = checkpoint.JobId, KeyPrefix = ArtifactKeys.ForCheckpoint(checkpoint.RelativePath), CreatedAt = clock.GetUtcNow(),
            };
            db.PendingFileDeletions.Add(deletion);
            await db.SaveChangesAsync(c);
            return deletion;
        }, ct);
        if (pending is null) return true;
        run.FreedBytes += checkpoint.SizeBytes;
        if (await PendingFileDeletions.TryCompleteAsync(contexts, checkpoints, pending, logger, ct) is not { } files) return false;
        run.DeletedFiles += files;
        return true;
    }

    /// <summary>Oldest finished first; with <paramref name="finishedBefore"/>, only those finished before it.</summary>
    private async Task<List<CheckpointRecord>> TrainingCheckpointsOfFinishedJobsAsync(DateTimeOffset? finishedBefore, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var finished = FinishedStatuses;
        var candidates =
            from c in db.Checkpoints.AsNoTracking()
            join j in db.Jobs on c.JobId equals j.Id
            where c.Name == CheckpointNames.Training && finished.Contains(j.Status)
                && (finishedBefore == null || j.FinishedAt < finishedBefore)
            orderby j.FinishedAt, j.CreatedAt, j.Id
            select c;
        return await candidates.ToListAsync(ct);
    }

    private async Task<long> TotalCheckpointBytesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Checkpoints.SumAsync(c => c.SizeBytes, ct);
    }

    /// <summary>
    /// Stored checkpoint files no row points at, of jobs that no longer exist or have finished: what a deletion left behind
    /// when its pending record was lost, or a crash between writing a file and its row. Unfinished jobs' files are left
    /// alone, since a running job puts each file before its row commits.
    /// </summary>
    private async Task<int> DeleteUnreferencedAsync(CancellationToken ct)
    {
        var byJob = new Dictionary<Guid, List<string>>();
        foreach (var key in await store.ListAsync($"{ArtifactKeys.Checkpoints}/", ct))
        {
            var segments = key.Split('/');
            if (segments.Length < 3 || !Guid.TryParseExact(segments[1], "N", out var jobId)) continue;
            if (!byJob.TryGetValue(jobId, out var keys)) byJob[jobId] = keys = [];
            keys.Add(key);
        }
        if (byJob.Count == 0) return 0;
        var jobs = await JobFilesAsync(byJob.Keys.ToList(), ct);
        var deleted = 0;
        foreach (var (jobId, keys) in byJob)
        {
            if (!jobs.TryGetValue(jobId, out var job))
            {
                deleted += await checkpoints.PurgeAsync(ArtifactKeys.CheckpointFolder(jobId), ct);
                continue;
            }
            if (!job.Finished) continue;
            foreach (var key in keys.Where(k => !job.Referenced.Contains(k[(ArtifactKeys.Checkpoints.Length + 1)..])))
            {
                deleted += await checkpoints.PurgeAsync(key, ct);
            }
        }
        return deleted;
    }

    /// <summary>Of the given ids, the jobs that exist: whether each has finished and the files (relative to the checkpoint root, '/'-separated) its rows point at.</summary>
    private async Task<Dictionary<Guid, (bool Finished, HashSet<string> Referenced)>> JobFilesAsync(List<Guid> ids, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).Select(j => new { j.Id, j.Status }).ToListAsync(ct);
        var files = await db.Checkpoints.AsNoTracking().Where(c => ids.Contains(c.JobId)).Select(c => new { c.JobId, c.RelativePath }).ToListAsync(ct);
        var referenced = files.ToLookup(f => f.JobId, f => f.RelativePath.Replace('\\', '/'));
        return jobs.ToDictionary(j => j.Id, j => (JobStatusTransitions.IsTerminal(j.Status), referenced[j.Id].ToHashSet(StringComparer.Ordinal)));
    }

    private static readonly JobStatus[] FinishedStatuses = [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled];
}
