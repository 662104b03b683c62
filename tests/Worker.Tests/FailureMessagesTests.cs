using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Custom;
using TrainingService.Core.Persistence;

namespace TrainingService.Worker.Tests;

public sealed class FailureMessagesTests
{
    [Fact]
    public async Task A_run_that_libtorch_cannot_allocate_fails_with_one_actionable_paragraph_and_no_native_frames()
    {
        await using var worker = await WorkerHost.StartAsync();
        // Stored without the submission check, as a job accepted before the size limits existed would be:
        // its second layer asks libtorch for 2,147,483,647,000 weights (8.6 TB).
        CustomLayerSpec[] layers = [new("Flatten"), new("Linear", 1000), new("Linear", int.MaxValue)];
        var small = SmallJobs.LeNetOnMnistSubset(epochs: 1);
        var spec = small with
        {
            Model = new ModelSpec(ModelSpec.CustomName, int.MaxValue, layers),
            Hyperparameters = small.Hyperparameters with { MaxRestarts = 0 },
        };
        var job = await worker.Get<JobLifecycle>().CreateAsync(spec, null, CancellationToken.None);

        await worker.Get<ITrainingJobRunner>().RunAsync(job.Id, CancellationToken.None);

        var stored = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Failed, stored!.Status);
        Assert.StartsWith("Training ran out of memory (libtorch could not allocate 8.6 TB). Reduce hyperparameters.batchSize or the model size. "
            + "The job was restarted 0 time(s)", stored.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("frame #", stored.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("/", stored.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", stored.Error, StringComparison.Ordinal);
    }
}
