using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.JobListBenchmark.Seeding;

/// <summary>
/// Realistic jobs from a fixed seed: 20 members and an admin, mostly finished (a few hundred queued, some running and
/// paused), the zoo's models on four datasets, tags from a small vocabulary, notes, sweeps' trials, per-epoch metrics and
/// three checkpoint rows for every job that got past its first epoch.
/// </summary>
internal static class JobLibrarySeeder
{
    public static readonly string[] Models = ["lenet5", "lenet5_relu", "alexnet", "vgg11", "vgg16_bn", "resnet18", "resnet20", "resnet56", "googlenet", "cnn_small"];
    public static readonly string[] Datasets = ["mnist", "fashion-mnist", "cifar10", "synthetic"];
    public static readonly string[] Tags = ["baseline", "final", "lr-sweep", "ablation", "augment", "bn", "dropout", "adam", "sgd", "cosine",
        "paper", "repro", "debug", "long", "short", "gpu", "cpu", "wide", "deep", "tiny"];

    public static async Task<(CreatedUser Admin, CreatedUser Member)> SeedAsync(IDbContextFactory<TrainingDbContext> contexts, int count, TextWriter log)
    {
        await using (var db = await contexts.CreateDbContextAsync()) await db.Database.MigrateAsync();
        var accounts = new AccountStore(contexts, TimeProvider.System);
        var admin = await accounts.CreateUserAsync("admin", UserRole.Admin, "benchmark", CancellationToken.None);
        var members = new List<CreatedUser>();
        for (var i = 0; i < 20; i++) members.Add(await accounts.CreateUserAsync($"member{i:00}", UserRole.Member, "benchmark", CancellationToken.None));

        var random = new Random(2026);
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        var sweeps = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            foreach (var sweep in sweeps)
            {
                db.Sweeps.Add(new Core.Sweeps.SweepRecord
                {
                    Id = sweep, Name = "sweep", OwnerId = members[random.Next(members.Count)].User.Id, Status = Contracts.Sweeps.SweepStatus.Completed,
                    CreatedAt = start, UpdatedAt = start,
                    Spec = new Core.Sweeps.SweepSpec("s", JsonDocument.Parse("{}").RootElement, [], "grid", 1, 16, 4, "validation_accuracy", Core.Training.Recipe.MetricMode.Max, null),
                });
            }
            await db.SaveChangesAsync();
        }

        var owners = members.Select(m => (Guid?)m.User.Id).Append(admin.User.Id).ToList();
        for (var batch = 0; batch < count; batch += 500)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < Math.Min(count, batch + 500); i++)
            {
                var created = start.AddMinutes(i * (365.0 * 24 * 60 / count) + random.Next(30));
                var status = Status(random, i, count);
                var epochs = 1 + random.Next(30);
                var model = Models[random.Next(Models.Length)];
                var dataset = Datasets[random.Next(Datasets.Length)];
                var reached = JobStatusTransitions.IsTerminal(status) ? (status == JobStatus.Succeeded ? epochs : random.Next(epochs + 1))
                    : status == JobStatus.Queued ? 0 : random.Next(epochs);
                var job = new TrainingJob
                {
                    Id = Guid.CreateVersion7(created), Name = $"{model} on {dataset} #{i}", Spec = Spec(model, dataset, epochs, random), Status = status,
                    CreatedAt = created, UpdatedAt = created.AddMinutes(5), StartedAt = status == JobStatus.Queued ? null : created.AddMinutes(1),
                    FinishedAt = JobStatusTransitions.IsTerminal(status) ? created.AddMinutes(10 + epochs) : null,
                    TotalEpochs = epochs, CurrentEpoch = reached, Attempt = status == JobStatus.Queued ? 0 : 1,
                    OwnerId = owners[random.Next(owners.Count)],
                    Tags = [.. Enumerable.Range(0, random.Next(4)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct()],
                    Note = random.Next(5) == 0 ? $"tried {Tags[random.Next(Tags.Length)]} with a smaller learning rate; see run {random.Next(count)}" : null,
                    SweepId = random.Next(8) == 0 ? sweeps[random.Next(sweeps.Count)] : null,
                    HeartbeatAt = status == JobStatus.Running ? DateTimeOffset.UtcNow.AddDays(30) : null,
                    RunId = status == JobStatus.Running ? Guid.NewGuid() : null,
                    HangfireJobId = status == JobStatus.Queued ? "benchmark" : null,
                };
                if (status == JobStatus.Succeeded) (job.TestAccuracy, job.TestLoss, job.BestEpoch) = (0.5 + random.NextDouble() / 2, random.NextDouble(), epochs);
                db.Jobs.Add(job);
                for (var epoch = 1; epoch <= reached; epoch++)
                {
                    db.EpochMetrics.Add(new EpochMetricsRecord
                    {
                        JobId = job.Id, Epoch = epoch, TrainLoss = 1.0 / epoch, TrainAccuracy = 1 - 0.5 / epoch, ValidationLoss = 1.1 / epoch,
                        ValidationAccuracy = 1 - 0.6 / epoch, LearningRate = 0.05, EpochSeconds = 8, ImagesPerSecond = 7000, RecordedAt = created.AddMinutes(epoch),
                    });
                }
                if (reached > 0)
                {
                    foreach (var name in new[] { CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training })
                    {
                        db.Checkpoints.Add(new CheckpointRecord
                        {
                            JobId = job.Id, Name = name, Epoch = reached, RelativePath = $"{job.Id:N}/{name}.a1.e{reached}.pth",
                            SizeBytes = 250_000 + random.Next(50_000_000), Sha256 = new string('0', 64), CreatedAt = created.AddMinutes(reached),
                        });
                    }
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            log.Write($"\r  seeded {Math.Min(count, batch + 500)} of {count} jobs");
        }
        log.WriteLine();
        await using (var db = await contexts.CreateDbContextAsync()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (admin, members[0]);
    }

    /// <summary>About 2% running, 3% paused and 200 queued (the newest, as a backlog is), the rest finished.</summary>
    private static JobStatus Status(Random random, int index, int count)
    {
        if (index >= count - 200) return JobStatus.Queued;
        var roll = random.Next(100);
        return roll switch { < 2 => JobStatus.Running, < 5 => JobStatus.Paused, < 75 => JobStatus.Succeeded, < 88 => JobStatus.Failed, _ => JobStatus.Cancelled };
    }

    private static TrainingJobSpec Spec(string model, string dataset, int epochs, Random random) =>
        new($"{model} on {dataset}", new ModelSpec(model, 10), new DatasetSpec(dataset, 0.1),
            new Hyperparameters(epochs, 64 << random.Next(3), Math.Round(0.001 + random.NextDouble() / 10, 4), "sgd", 0.9, 0, 42));
}
