using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Worker.Tests;

public sealed class RunningTrainingJobsTests
{
    [Fact]
    public async Task Running_a_job_trains_it_and_stores_every_epoch_both_checkpoints_and_the_test_result()
    {
        await using var worker = await WorkerHost.StartAsync();
        var job = await worker.Get<JobLifecycle>().CreateAsync(SmallJobs.LeNetOnMnistSubset(epochs: 2), null, CancellationToken.None);

        Assert.Equal(RunEnding.Succeeded, await worker.Get<ITrainingJobRunner>().RunAsync(job.Id, CancellationToken.None));

        await using var db = await worker.Get<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        var stored = await db.Jobs.SingleAsync(j => j.Id == job.Id);
        Assert.Equal(JobStatus.Succeeded, stored.Status);
        Assert.Equal(1, stored.Attempt);
        Assert.Equal(2, stored.CurrentEpoch);
        Assert.InRange(stored.TestAccuracy!.Value, 0.5, 1.0);
        Assert.InRange(stored.BestEpoch!.Value, 1, 2);
        var epochs = await db.EpochMetrics.Where(m => m.JobId == job.Id).OrderBy(m => m.Epoch).ToListAsync();
        Assert.Equal([1, 2], epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.True(e.ValidationAccuracy is > 0 and <= 1 && e.ImagesPerSecond > 0 && e.EpochSeconds > 0));
        Assert.True(epochs[1].TrainLoss < epochs[0].TrainLoss, "training loss falls from epoch 1 to 2");
        Assert.All(epochs, e => Assert.True(e.ValidationTop5Accuracy >= e.ValidationAccuracy && e.PeakMemoryBytes > 0));

        var evaluation = stored.Evaluation!;
        Assert.Equal(256, evaluation.ConfusionMatrix.Sum(row => row.Sum()));
        Assert.Equal(stored.TestAccuracy!.Value, evaluation.Report.Accuracy, 9);
        Assert.Equal(10, evaluation.Report.Classes.Count);
        Assert.Equal(256, evaluation.Report.Classes.Sum(c => c.Support));
        var steps = await db.StepLosses.Where(s => s.JobId == job.Id).OrderBy(s => s.Epoch).ToListAsync();
        Assert.Equal([0L, 16L], steps.Select(s => s.FirstStep));
        Assert.All(steps, s => Assert.Equal(16, s.Unpack().Length));

        var checkpoints = await db.Checkpoints.Where(c => c.JobId == job.Id).ToListAsync();
        Assert.Equal(["best", "last", "training"], checkpoints.Select(c => c.Name).Order());
        Assert.Equal(3, Directory.GetFiles(worker.CheckpointRoot, "*", SearchOption.AllDirectories).Length);
        foreach (var checkpoint in checkpoints.Where(c => c.Name != "training"))
        {
            var path = Path.Combine(worker.CheckpointRoot, checkpoint.RelativePath);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal(checkpoint.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var keys = new PthReader().Read(new MemoryStream(bytes)).Select(t => t.Key);
            Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
                "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"], keys);
        }
    }

    [Fact]
    public async Task A_job_whose_dataset_files_are_missing_fails_with_a_message_saying_where_to_put_them()
    {
        var emptyRoot = Directory.CreateTempSubdirectory("no-datasets-").FullName;
        await using var worker = await WorkerHost.StartAsync(datasetRoot: emptyRoot);
        var job = await worker.Get<JobLifecycle>().CreateAsync(SmallJobs.LeNetOnMnistSubset(), null, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => worker.Get<ITrainingJobRunner>().RunAsync(job.Id, CancellationToken.None));

        var stored = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Failed, stored!.Status);
        Assert.Contains("train-images-idx3-ubyte", stored.Error);
        Assert.Contains(emptyRoot, stored.Error);
        Directory.Delete(emptyRoot, recursive: true);
    }
}
