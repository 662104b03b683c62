using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Contracts.Storage;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Retention;
using TrainingService.Core.Training;

namespace TrainingService.Api.Tests.Library;

/// <summary>
/// The retention sweep's rules on real rows and real files, each test on a database of its own (the size cap counts every
/// checkpoint), with a clock the test sets: far in the future, so the Api's own scheduled sweep, on the real clock, never
/// finds these jobs old.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();
    // Whole seconds, which PostgreSQL stores exactly (it keeps microseconds, .NET ticks).
    private readonly SettableClock _clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddYears(5), TimeSpan.Zero));

    [Fact]
    public async Task A_finished_jobs_training_checkpoint_is_deleted_after_the_configured_days_and_its_best_and_last_are_kept()
    {
        var old = await JobAsync(JobStatus.Succeeded, finishedDaysAgo: 40);
        var recent = await JobAsync(JobStatus.Failed, finishedDaysAgo: 10);
        var paused = await JobAsync(JobStatus.Paused, finishedDaysAgo: null, createdDaysAgo: 90);
        var running = await JobAsync(JobStatus.Running, finishedDaysAgo: null, createdDaysAgo: 90);

        var run = await Sweep().RunAsync(new RetentionOptions { TrainingCheckpointDays = 30 }, CancellationToken.None);

        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last], await NamesAsync(old));
        Assert.False(File.Exists(FileOf(old, CheckpointNames.Training)));
        Assert.True(File.Exists(FileOf(old, CheckpointNames.Best)) && File.Exists(FileOf(old, CheckpointNames.Last)));
        foreach (var kept in new[] { recent, paused, running })
        {
            Assert.Equal([CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training], await NamesAsync(kept));
            Assert.True(File.Exists(FileOf(kept, CheckpointNames.Training)));
        }
        Assert.Equal(TrainingBytes, run.FreedBytes);
        var storage = await _api.CreateClient().GetFromJsonAsync<StorageUsageResource>("/api/storage");
        Assert.Equal(_clock.Now, storage!.Retention.LastRunAt);
        Assert.Equal(TrainingBytes, storage.Retention.LastFreedBytes);
        Assert.Equal(3 * TrainingBytes + 8 * WeightBytes, storage.CheckpointBytes);
        Assert.Equal(11, storage.CheckpointFiles);
    }

    [Fact]
    public async Task Past_the_cap_the_oldest_finished_jobs_training_checkpoints_go_first_until_the_total_is_under_it()
    {
        var oldest = await JobAsync(JobStatus.Cancelled, finishedDaysAgo: 3);
        var middle = await JobAsync(JobStatus.Succeeded, finishedDaysAgo: 2);
        var newest = await JobAsync(JobStatus.Succeeded, finishedDaysAgo: 1);
        var running = await JobAsync(JobStatus.Running, finishedDaysAgo: null, createdDaysAgo: 30);
        var total = 4 * (TrainingBytes + 2 * WeightBytes);

        // Two training checkpoints must go to get under the cap; the running job's, though oldest, is never one of them.
        var run = await Sweep().RunAsync(new RetentionOptions { TrainingCheckpointDays = null, MaxCheckpointBytes = total - TrainingBytes - 1 }, CancellationToken.None);

        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last], await NamesAsync(oldest));
        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last], await NamesAsync(middle));
        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training], await NamesAsync(newest));
        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training], await NamesAsync(running));
        Assert.False(File.Exists(FileOf(oldest, CheckpointNames.Training)) || File.Exists(FileOf(middle, CheckpointNames.Training)));
        Assert.Equal(2 * TrainingBytes, run.FreedBytes);
        Assert.Null(run.Note);
    }

    [Fact]
    public async Task When_best_and_last_alone_exceed_the_cap_they_are_kept_and_the_run_records_that_it_could_not_reach_it()
    {
        var finished = await JobAsync(JobStatus.Succeeded, finishedDaysAgo: 1);
        var paused = await JobAsync(JobStatus.Paused, finishedDaysAgo: null);

        var run = await Sweep().RunAsync(new RetentionOptions { TrainingCheckpointDays = null, MaxCheckpointBytes = 1 }, CancellationToken.None);

        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last], await NamesAsync(finished));
        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training], await NamesAsync(paused));
        Assert.Contains("over the cap", run.Note);
    }

    [Fact]
    public async Task A_disabled_policy_deletes_no_checkpoint_however_old()
    {
        var old = await JobAsync(JobStatus.Succeeded, finishedDaysAgo: 400);

        var run = await Sweep().RunAsync(new RetentionOptions { Enabled = false, TrainingCheckpointDays = 1, MaxCheckpointBytes = 1 }, CancellationToken.None);

        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training], await NamesAsync(old));
        Assert.Equal(0, run.FreedBytes);
    }

    [Fact]
    public async Task Files_no_row_points_at_go_for_jobs_that_are_gone_or_finished_and_stay_for_a_running_job()
    {
        var finished = await JobAsync(JobStatus.Succeeded, finishedDaysAgo: 1);
        var running = await JobAsync(JobStatus.Running, finishedDaysAgo: null);
        var gone = Guid.NewGuid();
        var strays = new[] { FileOf(finished, "last.a1.e9"), FileOf(running, "last.a1.e9"), FileOf(gone, "best.a1.e1") };
        foreach (var stray in strays)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
            await File.WriteAllTextAsync(stray, "no row points here");
        }

        await Sweep().RunAsync(new RetentionOptions { Enabled = false }, CancellationToken.None);

        Assert.False(File.Exists(strays[0]));
        Assert.True(File.Exists(strays[1]), "a running job puts its file before its row commits");
        Assert.False(Directory.Exists(Path.GetDirectoryName(strays[2])));
        Assert.Equal([CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training], await NamesAsync(finished));
    }

    [Fact]
    public async Task Processes_that_find_the_sweep_due_at_once_run_it_once_per_interval()
    {
        var policy = new RetentionOptions { Interval = TimeSpan.FromHours(1) };
        var sweeps = Enumerable.Range(0, 4).Select(_ => Sweep()).ToList();

        var runs = await Task.WhenAll(sweeps.Select(s => s.RunIfDueAsync(policy, CancellationToken.None)));
        _clock.Now += TimeSpan.FromMinutes(59);
        var early = await sweeps[0].RunIfDueAsync(policy, CancellationToken.None);
        _clock.Now += TimeSpan.FromMinutes(1);
        var due = await sweeps[1].RunIfDueAsync(policy, CancellationToken.None);

        Assert.Single(runs, r => r is not null);
        Assert.Null(early);
        Assert.NotNull(due);
    }

    private const long TrainingBytes = 3000;
    private const long WeightBytes = 500;

    private RetentionSweep Sweep() => ActivatorUtilities.CreateInstance<RetentionSweep>(_api.Services, (TimeProvider)_clock);

    private string FileOf(Guid job, string name) => Path.Combine(_api.CheckpointRoot, $"{job:N}", $"{name}.pth");

    /// <summary>A job row in <paramref name="status"/> with best, last and training checkpoint rows and their files.</summary>
    private async Task<Guid> JobAsync(JobStatus status, int? finishedDaysAgo, int createdDaysAgo = 500)
    {
        var job = JobRows.New(JobRows.Spec(_api), status, _clock.Now.AddDays(-createdDaysAgo), owner: null);
        job.FinishedAt = finishedDaysAgo is { } days ? _clock.Now.AddDays(-days) : null;
        if (status == JobStatus.Running) { job.HeartbeatAt = DateTimeOffset.UtcNow.AddDays(1); job.RunId = Guid.NewGuid(); }
        var rows = new List<object> { job };
        foreach (var name in new[] { CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training })
        {
            var bytes = new byte[name == CheckpointNames.Training ? TrainingBytes : WeightBytes];
            Random.Shared.NextBytes(bytes);
            var path = FileOf(job.Id, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
            rows.Add(new CheckpointRecord
            {
                JobId = job.Id, Name = name, Epoch = 1, RelativePath = Path.GetRelativePath(_api.CheckpointRoot, path), SizeBytes = bytes.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), CreatedAt = job.CreatedAt,
            });
        }
        await JobRows.AddAsync(_api, rows);
        return job.Id;
    }

    private async Task<List<string>> NamesAsync(Guid job)
    {
        await using var db = await _api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        return await db.Checkpoints.Where(c => c.JobId == job).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync();
    }

    public Task InitializeAsync() => _api.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)_api).DisposeAsync();
}
