using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Sweeps;
using TrainingService.Core.Training;

namespace TrainingService.Api.Tests.Library;

/// <summary>
/// 300 jobs of three owners and legacy rows, every status, four models, three datasets, tags in mixed case, notes, two
/// sweeps, results and checkpoints, seeded once from a fixed seed; <see cref="Jobs"/> is what was stored, the oracle the
/// list's answers are checked against.
/// </summary>
public sealed class JobListFixture : IAsyncLifetime
{
    public static readonly string[] Models = ["lenet5", "alexnet", "resnet20", "vgg16"];
    public static readonly string[] Datasets = ["mnist", "fashion-mnist", "cifar10"];
    private static readonly string[][] TagSets = [[], ["baseline"], ["Baseline", "final"], ["lr", "ablation"], ["final"], ["LR"], ["50%_off"]];

    public ApiFactory Api { get; } = new();
    public CreatedUser Alice { get; private set; } = null!;
    public CreatedUser Bob { get; private set; } = null!;
    public CreatedUser Root { get; private set; } = null!;
    public Guid SweepA { get; } = Guid.NewGuid();
    public Guid SweepB { get; } = Guid.NewGuid();
    public IReadOnlyList<SeededJob> Jobs { get; private set; } = [];

    public sealed record SeededJob(TrainingJob Job, string? Owner, long CheckpointBytes);

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        Alice = await Api.CreateUserAsync("alice");
        Bob = await Api.CreateUserAsync("bob");
        Root = await Api.CreateUserAsync("root", UserRole.Admin);
        var random = new Random(12);
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        var owners = new (Guid? Id, string? Name)[] { (Alice.User.Id, "alice"), (Bob.User.Id, "bob"), (Root.User.Id, "root"), (null, null) };
        var statuses = Enum.GetValues<JobStatus>();
        var specs = Models.SelectMany(m => Datasets.Select(d => JobRows.Spec(Api, m, d))).ToList();
        var rows = new List<object>
        {
            Sweep(SweepA, Alice.User.Id, start), Sweep(SweepB, Bob.User.Id, start),
        };
        var seeded = new List<SeededJob>();
        for (var i = 0; i < 300; i++)
        {
            var owner = owners[random.Next(owners.Length)];
            var spec = specs[random.Next(specs.Count)];
            var status = statuses[random.Next(statuses.Length)];
            var job = JobRows.New(spec with { Name = i % 41 == 0 ? $"promo {i} 50% off" : $"job {i:000} {spec.Model.Name}" }, status, start.AddMinutes(i * 7 + random.Next(5)), owner.Id);
            job.Name = job.Spec.Name;
            job.TotalEpochs = 1 + random.Next(10);
            job.CurrentEpoch = random.Next(job.TotalEpochs + 1);
            job.Tags = [.. TagSets[random.Next(TagSets.Length)]];
            job.Note = random.Next(5) == 0 ? $"Note {i}: looked for the NEEDLE here" : random.Next(4) == 0 ? "plain note" : null;
            job.SweepId = random.Next(6) switch { 0 => SweepA, 1 => SweepB, _ => null };
            if (status == JobStatus.Succeeded && random.Next(5) > 0) job.TestAccuracy = Math.Round(random.NextDouble(), 3);
            // A running row's heartbeat stays fresh for the whole test, so the Api's supervisor never takes it for lost.
            if (status == JobStatus.Running) { job.HeartbeatAt = DateTimeOffset.UtcNow.AddDays(1); job.RunId = Guid.NewGuid(); }
            rows.Add(job);
            long bytes = 0;
            foreach (var name in random.Next(3) == 0 ? [CheckpointNames.Best, CheckpointNames.Last, CheckpointNames.Training] : Array.Empty<string>())
            {
                var size = 1000 + random.Next(100_000);
                bytes += size;
                rows.Add(new CheckpointRecord
                {
                    JobId = job.Id, Name = name, Epoch = 1, RelativePath = $"{job.Id:N}/{name}.a1.e1.pth", SizeBytes = size,
                    Sha256 = new string('0', 64), CreatedAt = job.CreatedAt,
                });
            }
            seeded.Add(new SeededJob(job, owner.Name, bytes));
        }
        await JobRows.AddAsync(Api, rows);
        Jobs = seeded;
    }

    private static SweepRecord Sweep(Guid id, Guid owner, DateTimeOffset at) => new()
    {
        Id = id, Name = $"sweep {id:N}", OwnerId = owner, Status = Contracts.Sweeps.SweepStatus.Completed, CreatedAt = at, UpdatedAt = at,
        Spec = new SweepSpec("s", System.Text.Json.JsonDocument.Parse("{}").RootElement, [], "grid", 1, 1, 1, "validation_accuracy",
            Core.Training.Recipe.MetricMode.Max, null),
    };

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)Api).DisposeAsync();
}
