using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using TrainingService.Worker.Extensions;

namespace TrainingService.Worker.Tests;

/// <summary>libtorch's seed and thread pool are process-wide; a worker runs many jobs over its life, one at a time.</summary>
public sealed class PerProcessSettingsTests
{
    private static TrainingJobSpec Job(long seed, int? threads)
    {
        var spec = SmallJobs.LeNetOnMnistSubset(epochs: 1);
        return spec with { Hyperparameters = spec.Hyperparameters with { Seed = seed, Threads = threads, Device = "cpu" } };
    }

    [Fact]
    public async Task A_second_job_on_the_same_worker_trains_exactly_as_it_does_as_the_first_job_of_a_fresh_worker()
    {
        var second = Job(seed: 7, threads: 2);
        double alone;
        await using (var fresh = await WorkerHost.StartAsync(startServices: true))
        {
            alone = await FirstEpochLossAsync(fresh, second);
        }

        await using var worker = await WorkerHost.StartAsync(startServices: true);
        var first = await FirstEpochLossAsync(worker, Job(seed: 3, threads: 1));
        var afterAnother = await FirstEpochLossAsync(worker, second);

        Assert.NotEqual(alone, first);
        Assert.Equal(alone, afterAnother);
    }

    [Fact]
    public async Task A_job_that_asks_for_no_threads_gets_the_workers_setting_not_the_previous_jobs()
    {
        var settings = new Dictionary<string, string?> { ["TrainingOptions:CpuThreads"] = "2" };
        var plain = Job(seed: 11, threads: null);
        double alone;
        await using (var fresh = await WorkerHost.StartAsync(startServices: true, settings: settings))
        {
            alone = await FirstEpochLossAsync(fresh, plain);
        }

        await using var worker = await WorkerHost.StartAsync(startServices: true, settings: settings);
        await FirstEpochLossAsync(worker, Job(seed: 11, threads: 1));
        var afterOneThread = await FirstEpochLossAsync(worker, plain);

        Assert.Equal(alone, afterOneThread);
    }

    [Fact]
    public async Task A_worker_set_to_run_two_jobs_at_once_refuses_to_start_and_says_why()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrainingDb"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none",
            ["TrainingOptions:Device"] = "cpu",
            ["WorkerOptions:ConcurrentJobs"] = "2",
        });
        builder.AddWorkerServices();

        // ValidateOnStart; the host's own shutdown settings read the options already while it is built.
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = builder.Build();
            await host.StartAsync();
        });

        Assert.Contains("WorkerOptions:ConcurrentJobs must be 1", refused.Message);
        Assert.Contains("process-wide", refused.Message);
    }

    private static async Task<double> FirstEpochLossAsync(WorkerHost worker, TrainingJobSpec spec)
    {
        var job = await worker.Get<JobLifecycle>().CreateAsync(spec, null, CancellationToken.None);
        await worker.Get<JobDispatcher>().DispatchAsync(job.Id, CancellationToken.None);
        var done = await RoutingJobsTests.WaitForAsync(worker, job.Id, j => j.Status is JobStatus.Succeeded or JobStatus.Failed);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        return (await worker.Get<JobQueries>().MetricsAsync(job.Id, CancellationToken.None)).Single(m => m.Epoch == 1).TrainLoss;
    }
}
