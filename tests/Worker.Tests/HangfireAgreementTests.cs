using Hangfire;
using Hangfire.States;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Worker.Tests;

/// <summary>With the Worker's real Hangfire server: Hangfire's view of a delivery agrees with the job row.</summary>
public sealed class HangfireAgreementTests
{
    [Fact]
    public async Task A_run_cancelled_while_training_ends_deleted_in_hangfire_and_a_finished_one_succeeded()
    {
        await using var worker = await WorkerHost.StartAsync(startServices: true);
        var lifecycle = worker.Get<JobLifecycle>();
        var cancelled = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(epochs: 50), null, CancellationToken.None);
        await worker.Get<JobDispatcher>().DispatchAsync(cancelled.Id, CancellationToken.None);
        await WaitForAsync(worker, cancelled.Id, j => j.Status == JobStatus.Running && j.CurrentEpoch >= 1);

        await lifecycle.RequestCancelAsync(cancelled.Id, CancellationToken.None);
        var stopped = await WaitForAsync(worker, cancelled.Id, j => j.Status == JobStatus.Cancelled);
        var finished = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(epochs: 1), null, CancellationToken.None);
        await worker.Get<JobDispatcher>().DispatchAsync(finished.Id, CancellationToken.None);
        var succeeded = await WaitForAsync(worker, finished.Id, j => j.Status == JobStatus.Succeeded);

        Assert.Equal(DeletedState.StateName, await WaitForHangfireStateAsync(worker, stopped.HangfireJobId!, DeletedState.StateName));
        Assert.Equal(SucceededState.StateName, await WaitForHangfireStateAsync(worker, succeeded.HangfireJobId!, SucceededState.StateName));
    }

    private static async Task<TrainingJob> WaitForAsync(WorkerHost worker, Guid jobId, Func<TrainingJob, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await worker.Get<JobQueries>().FindAsync(jobId, CancellationToken.None) is { } job && condition(job)) return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Job {jobId} never reached the awaited state.");
    }

    /// <summary>Hangfire sets the final state just after the job method returns; wait briefly for it.</summary>
    private static async Task<string> WaitForHangfireStateAsync(WorkerHost worker, string hangfireJobId, string expected)
    {
        string state = "";
        for (var i = 0; i < 50; i++)
        {
            using var connection = worker.Get<JobStorage>().GetConnection();
            state = connection.GetJobData(hangfireJobId).State;
            if (state == expected) break;
            await Task.Delay(100);
        }
        return state;
    }
}
