using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.Worker.Tests;

public sealed class ClaimingRunsTests
{
    [Fact]
    public async Task A_second_fetch_of_a_job_that_a_live_run_owns_does_nothing()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), CancellationToken.None);
        var first = await lifecycle.TryStartRunAsync(job.Id, "worker-a", TimeSpan.FromMinutes(2), CancellationToken.None);

        await worker.Get<ITrainingJobRunner>().RunAsync(job.Id, CancellationToken.None);

        var stored = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Equal(JobStatus.Running, stored!.Status);
        Assert.Equal(1, stored.Attempt);
        Assert.Equal("worker-a", stored.WorkerName);
    }

    [Fact]
    public async Task A_run_whose_heartbeat_went_stale_is_taken_over_and_the_old_run_can_no_longer_write()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), CancellationToken.None);
        var dead = await lifecycle.TryStartRunAsync(job.Id, "dead-worker", TimeSpan.FromMinutes(2), CancellationToken.None);
        await using (var db = await worker.Get<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync())
        {
            await db.Jobs.Where(j => j.Id == job.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, DateTimeOffset.UtcNow.AddMinutes(-10)));
        }

        var successor = await lifecycle.TryStartRunAsync(job.Id, "live-worker", TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.NotNull(successor);
        Assert.Equal(2, successor.Attempt);
        var metrics = new EpochMetrics(1, 1, 0.5, null, null, 0.1, 1, 100);
        await Assert.ThrowsAsync<RunLeaseLostException>(() => worker.Get<TrainingRecords>().AppendEpochAsync(dead!, metrics, 0, [1f], CancellationToken.None));
        await worker.Get<TrainingRecords>().AppendEpochAsync(successor, metrics, 0, [1f], CancellationToken.None);
    }

    [Fact]
    public async Task A_finished_job_is_never_started_again()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), CancellationToken.None);
        var run = await lifecycle.TryStartRunAsync(job.Id, "w", TimeSpan.FromMinutes(2), CancellationToken.None);
        await lifecycle.CompleteAsync(run!, new TrainingOutcome(0.1, 0.9, 1), CancellationToken.None);

        Assert.Null(await lifecycle.TryStartRunAsync(job.Id, "w", TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(JobStatus.Succeeded, (await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_run_handed_back_by_a_stopping_worker_is_queued_and_taken_by_the_next_fetch()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), CancellationToken.None);
        var run = await lifecycle.TryStartRunAsync(job.Id, "stopping", TimeSpan.FromMinutes(2), CancellationToken.None);

        await lifecycle.ReleaseAsync(run!, CancellationToken.None);
        var next = await lifecycle.TryStartRunAsync(job.Id, "next", TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.NotNull(next);
        Assert.Equal(2, next.Attempt);
    }
}
