using Hangfire;
using Hangfire.States;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Worker.Tests;

/// <summary>Device- and priority-aware queues with the Worker's real Hangfire server on PostgreSQL.</summary>
public sealed class RoutingJobsTests
{
    private static TrainingJobSpec Job(string device = "auto", string priority = "normal", int epochs = 1)
    {
        var spec = SmallJobs.LeNetOnMnistSubset(epochs);
        return spec with { Hyperparameters = spec.Hyperparameters with { Device = device, Priority = priority } };
    }

    [Fact]
    public async Task A_cuda_job_with_only_a_cpu_worker_online_stays_queued_saying_why_and_is_never_fetched()
    {
        await using var worker = await WorkerHost.StartAsync(startServices: true);
        await WaitForServerAsync(worker);
        var job = await worker.Get<JobLifecycle>().CreateAsync(Job(device: "cuda"), null, CancellationToken.None);
        await worker.Get<JobDispatcher>().DispatchAsync(job.Id, CancellationToken.None);

        // Several supervisor sweeps (every 2 s) and long enough for an idle worker to fetch anything it could.
        await Task.Delay(TimeSpan.FromSeconds(6));

        var stored = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Queued, stored!.Status);
        Assert.Equal("no CUDA worker online; the job waits until one starts", stored.StatusReason);
        Assert.Equal(0, stored.Attempt);
        var monitoring = worker.Get<JobStorage>().GetMonitoringApi();
        var waiting = monitoring.EnqueuedJobs(TrainingQueues.For(JobPriority.Normal, QueueTarget.Cuda), 0, 10);
        Assert.Equal(stored.HangfireJobId, Assert.Single(waiting).Key);
        Assert.Equal(0, monitoring.FetchedCount(TrainingQueues.For(JobPriority.Normal, QueueTarget.Cuda)));
        using var connection = worker.Get<JobStorage>().GetConnection();
        Assert.Equal(EnqueuedState.StateName, connection.GetJobData(stored.HangfireJobId).State);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("auto")]
    public async Task A_cpu_or_auto_job_runs_on_a_cpu_worker_when_no_gpu_worker_exists(string device)
    {
        await using var worker = await WorkerHost.StartAsync(startServices: true);
        await WaitForServerAsync(worker);
        var job = await worker.Get<JobLifecycle>().CreateAsync(Job(device), null, CancellationToken.None);
        await worker.Get<JobDispatcher>().DispatchAsync(job.Id, CancellationToken.None);

        var done = await WaitForAsync(worker, job.Id, j => j.Status is JobStatus.Succeeded or JobStatus.Failed);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(worker.Get<Microsoft.Extensions.Options.IOptions<WorkerOptions>>().Value.Name, done.WorkerName);
    }

    [Fact]
    public async Task A_job_dispatched_while_no_worker_is_online_says_why_and_runs_once_one_starts()
    {
        await using var worker = await WorkerHost.StartAsync();
        var job = await worker.Get<JobLifecycle>().CreateAsync(Job(device: "cpu"), null, CancellationToken.None);
        await worker.Get<JobDispatcher>().DispatchAsync(job.Id, CancellationToken.None);
        var waiting = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);

        await worker.StartServicesAsync();
        var done = await WaitForAsync(worker, job.Id, j => j.Status is JobStatus.Succeeded or JobStatus.Failed);

        Assert.Equal(JobStatus.Queued, waiting!.Status);
        Assert.Equal(WaitingReasons.NoCpuWorker, waiting.StatusReason);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Null(done.StatusReason);
    }

    [Fact]
    public async Task With_the_one_worker_busy_queued_high_normal_and_low_jobs_start_in_priority_order_whatever_their_submission_order()
    {
        await using var worker = await WorkerHost.StartAsync(startServices: true);
        await WaitForServerAsync(worker);
        var lifecycle = worker.Get<JobLifecycle>();
        var dispatcher = worker.Get<JobDispatcher>();
        var busy = await lifecycle.CreateAsync(Job(epochs: 50), null, CancellationToken.None);
        await dispatcher.DispatchAsync(busy.Id, CancellationToken.None);
        await WaitForAsync(worker, busy.Id, j => j.Status == JobStatus.Running);
        var queued = new List<(string Priority, Guid Id)>();
        foreach (var priority in new[] { "low", "normal", "high", "low", "normal", "high" })
        {
            var job = await lifecycle.CreateAsync(Job(priority: priority), null, CancellationToken.None);
            await dispatcher.DispatchAsync(job.Id, CancellationToken.None);
            queued.Add((priority, job.Id));
        }

        await lifecycle.RequestCancelAsync(busy.Id, CancellationToken.None);
        var started = new List<(string Priority, DateTimeOffset StartedAt)>();
        foreach (var (priority, id) in queued)
        {
            var done = await WaitForAsync(worker, id, j => j.Status is JobStatus.Succeeded or JobStatus.Failed, TimeSpan.FromMinutes(3));
            Assert.Equal(JobStatus.Succeeded, done.Status);
            started.Add((priority, done.StartedAt!.Value));
        }

        var order = started.OrderBy(s => s.StartedAt).Select(s => s.Priority).ToArray();
        Assert.Equal(["high", "high", "normal", "normal", "low", "low"], order);
    }

    internal static async Task WaitForServerAsync(WorkerHost worker)
    {
        var storage = worker.Get<JobStorage>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (storage.GetMonitoringApi().Servers().Any(s => TrainingQueues.ClassOf(s.Queues) is not null)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The worker's Hangfire server never announced itself.");
    }

    internal static async Task<TrainingJob> WaitForAsync(WorkerHost worker, Guid jobId, Func<TrainingJob, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (await worker.Get<JobQueries>().FindAsync(jobId, CancellationToken.None) is { } job && condition(job)) return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Job {jobId} never reached the awaited state.");
    }
}
