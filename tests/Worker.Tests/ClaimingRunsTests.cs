using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using TrainingService.Core.Training;

namespace TrainingService.Worker.Tests;

public sealed class ClaimingRunsTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_second_delivery_of_a_job_that_a_live_run_owns_does_nothing()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), null, CancellationToken.None);
        var first = await lifecycle.TryStartRunAsync(job.Id, "worker-a", CancellationToken.None);

        var ending = await worker.Get<ITrainingJobRunner>().RunAsync(job.Id, CancellationToken.None);

        var stored = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Equal(RunEnding.NothingToDo, ending);
        Assert.Equal(JobStatus.Running, stored!.Status);
        Assert.Equal(1, stored.Attempt);
        Assert.Equal("worker-a", stored.WorkerName);
    }

    [Fact]
    public async Task A_run_whose_lease_expired_is_queued_again_with_the_reason_and_the_lost_run_can_no_longer_write()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), null, CancellationToken.None);
        var dead = await lifecycle.TryStartRunAsync(job.Id, "dead-worker", CancellationToken.None);
        await AgeHeartbeatAsync(worker, job.Id, TimeSpan.FromSeconds(31));

        Assert.Equal(1, await lifecycle.RecoverLostRunsAsync(Lease, CancellationToken.None));

        var requeued = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Queued, requeued!.Status);
        Assert.Null(requeued.HangfireJobId);
        Assert.Equal(1, requeued.Restarts);
        Assert.StartsWith("worker dead-worker lost (no heartbeat for 3", requeued.StatusReason);
        var successor = await lifecycle.TryStartRunAsync(job.Id, "live-worker", CancellationToken.None);
        Assert.NotNull(successor);
        Assert.Equal(2, successor.Attempt);
        await Assert.ThrowsAsync<RunLeaseLostException>(() => worker.Get<TrainingRecords>().HeartbeatAsync(dead!, CancellationToken.None));
        await worker.Get<TrainingRecords>().HeartbeatAsync(successor, CancellationToken.None);
        var attempts = await worker.Get<JobQueries>().AttemptsAsync(job.Id, CancellationToken.None);
        Assert.Equal([(1, "dead-worker", AttemptEndReasons.LostLease), (2, "live-worker", null)],
            attempts.Select(a => (a.Attempt, a.WorkerName, a.EndReason)));
    }

    [Fact]
    public async Task A_run_renewing_its_lease_is_never_taken_for_lost()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), null, CancellationToken.None);
        await lifecycle.TryStartRunAsync(job.Id, "alive", CancellationToken.None);
        await AgeHeartbeatAsync(worker, job.Id, TimeSpan.FromSeconds(29));

        Assert.Equal(0, await lifecycle.RecoverLostRunsAsync(Lease, CancellationToken.None));
        Assert.Equal(JobStatus.Running, (await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_job_lost_more_often_than_its_max_restarts_fails_with_the_reason()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var spec = SmallJobs.LeNetOnMnistSubset();
        var job = await lifecycle.CreateAsync(spec with { Hyperparameters = spec.Hyperparameters with { MaxRestarts = 1 } }, null, CancellationToken.None);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await lifecycle.TryStartRunAsync(job.Id, $"w{attempt}", CancellationToken.None);
            await AgeHeartbeatAsync(worker, job.Id, TimeSpan.FromMinutes(1));
            await lifecycle.RecoverLostRunsAsync(Lease, CancellationToken.None);
        }

        var stored = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Failed, stored!.Status);
        Assert.Contains("worker w2 lost", stored.Error);
        Assert.Contains("maxRestarts = 1", stored.Error);
        Assert.NotNull(stored.FinishedAt);
    }

    [Fact]
    public async Task A_finished_job_is_never_started_again()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), null, CancellationToken.None);
        var run = await lifecycle.TryStartRunAsync(job.Id, "w", CancellationToken.None);
        await lifecycle.CompleteAsync(run!, new TrainingOutcome(0.1, 0.9, 1), CancellationToken.None);

        Assert.Null(await lifecycle.TryStartRunAsync(job.Id, "w", CancellationToken.None));
        Assert.Equal(JobStatus.Succeeded, (await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None))!.Status);
        Assert.Equal(AttemptEndReasons.Finished, (await worker.Get<JobQueries>().AttemptsAsync(job.Id, CancellationToken.None)).Single().EndReason);
    }

    [Fact]
    public async Task A_run_handed_back_by_a_stopping_worker_is_queued_for_dispatch_and_taken_by_the_next_delivery()
    {
        await using var worker = await WorkerHost.StartAsync();
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(), null, CancellationToken.None);
        var run = await lifecycle.TryStartRunAsync(job.Id, "stopping", CancellationToken.None);

        await lifecycle.HandBackAsync(run!, CancellationToken.None);
        var queued = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        var next = await lifecycle.TryStartRunAsync(job.Id, "next", CancellationToken.None);

        Assert.Equal(JobStatus.Queued, queued!.Status);
        Assert.Null(queued.HangfireJobId);
        Assert.Contains("handed back by stopping", queued.StatusReason);
        Assert.Equal(0, queued.Restarts);
        Assert.NotNull(next);
        Assert.Equal(2, next.Attempt);
        Assert.Equal(AttemptEndReasons.Drained, (await worker.Get<JobQueries>().AttemptsAsync(job.Id, CancellationToken.None))[0].EndReason);
    }

    [Fact]
    public async Task A_job_stored_but_never_enqueued_is_dispatched_by_the_next_sweep()
    {
        await using var worker = await WorkerHost.StartAsync();
        // The failure injected between the two steps: the row is committed and the enqueue never happens.
        var job = await worker.Get<JobLifecycle>().CreateAsync(SmallJobs.LeNetOnMnistSubset(), null, CancellationToken.None);

        Assert.Equal(1, await worker.Get<JobDispatcher>().DispatchAsync(null, CancellationToken.None));
        Assert.Equal(0, await worker.Get<JobDispatcher>().DispatchAsync(null, CancellationToken.None));

        var stored = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.NotNull(stored!.HangfireJobId);
        var delivery = worker.Get<JobStorage>().GetConnection().GetJobData(stored.HangfireJobId);
        Assert.Equal(EnqueuedState.StateName, delivery.State);
        Assert.Equal(job.Id, (Guid)delivery.Job.Args[0]);
    }

    private static async Task AgeHeartbeatAsync(WorkerHost worker, Guid jobId, TimeSpan age)
    {
        await using var db = await worker.Get<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, DateTimeOffset.UtcNow - age));
    }
}
