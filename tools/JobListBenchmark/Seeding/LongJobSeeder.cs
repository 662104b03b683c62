using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.JobListBenchmark.Seeding;

/// <summary>
/// One long run among the seeded jobs, as its page sees it while it trains: <c>epochs</c> metrics rows, one step-loss row
/// per epoch of <c>stepsPerEpoch</c> losses, two attempts (a resume halfway) and three checkpoint rows.
/// </summary>
internal static class LongJobSeeder
{
    public static async Task<Guid> SeedAsync(IDbContextFactory<TrainingDbContext> contexts, CreatedUser owner, int epochs, int stepsPerEpoch)
    {
        var random = new Random(300);
        var created = DateTimeOffset.UtcNow.AddDays(-2);
        var id = Guid.CreateVersion7(created);
        await using var db = await contexts.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Jobs.Add(new TrainingJob
        {
            Id = id, Name = $"resnet20 on cifar10, {epochs} epochs", Status = JobStatus.Running,
            Spec = new TrainingJobSpec("resnet20 on cifar10", new ModelSpec("resnet20", 10), new DatasetSpec("cifar10", 0.1),
                new Hyperparameters(epochs + 10, 128, 0.1, "sgd", 0.9, 0.0001, 42)),
            CreatedAt = created, UpdatedAt = created, StartedAt = created, TotalEpochs = epochs + 10, CurrentEpoch = epochs, Attempt = 2,
            OwnerId = owner.User.Id, HeartbeatAt = DateTimeOffset.UtcNow.AddDays(30), RunId = Guid.NewGuid(),
        });
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            db.EpochMetrics.Add(new EpochMetricsRecord
            {
                JobId = id, Epoch = epoch, TrainLoss = 1.0 / epoch, TrainAccuracy = 1 - 0.5 / epoch, ValidationLoss = 1.1 / epoch,
                ValidationAccuracy = 1 - 0.6 / epoch, LearningRate = 0.1, EpochSeconds = 40, ImagesPerSecond = 1200, RecordedAt = created.AddMinutes(epoch),
            });
            db.StepLosses.Add(new StepLossesRecord
            {
                JobId = id, Epoch = epoch, FirstStep = (long)(epoch - 1) * stepsPerEpoch,
                Losses = StepLossesRecord.Pack([.. Enumerable.Range(0, stepsPerEpoch).Select(_ => (float)(2.0 / epoch + random.NextDouble() / 10))]),
            });
        }
        var half = epochs / 2;
        db.Attempts.Add(new JobAttemptRecord { JobId = id, Attempt = 1, RunId = Guid.NewGuid(), WorkerName = "worker-a", StartedAt = created, EndedAt = created.AddMinutes(half), EndReason = "crashed" });
        db.Attempts.Add(new JobAttemptRecord { JobId = id, Attempt = 2, RunId = Guid.NewGuid(), WorkerName = "worker-b", StartedAt = created.AddMinutes(half), StartEpoch = half, StartStep = (long)half * stepsPerEpoch });
        foreach (var name in new[] { CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training })
        {
            db.Checkpoints.Add(new CheckpointRecord
            {
                JobId = id, Name = name, Epoch = epochs, RelativePath = $"{id:N}/{name}.a2.e{epochs}.pth",
                SizeBytes = 1_100_000, Sha256 = new string('0', 64), CreatedAt = created.AddMinutes(epochs),
            });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        return id;
    }
}
