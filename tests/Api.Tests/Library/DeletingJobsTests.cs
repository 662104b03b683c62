using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TrainingService.Core;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Retention;
using TrainingService.Core.Sweeps;
using TrainingService.Core.Training;

namespace TrainingService.Api.Tests.Library;

/// <summary>
/// <c>DELETE /api/jobs/{id}</c> with real checkpoint files in both artifact stores: afterwards no row, no stored artifact
/// and no file or folder under the checkpoint root names the job; a job that has not finished is refused and keeps everything.
/// </summary>
public sealed class DeletingJobsTests(ApiFactory api) : IClassFixture<ApiFactory>, IDisposable
{
    private readonly string _postgresCheckpointRoot = Directory.CreateTempSubdirectory("api-delete-postgres-").FullName;

    private static readonly string[] JobTables = ["training_jobs", "epoch_metrics", "step_losses", "job_attempts", "checkpoints", "sweep_rungs"];

    public static TheoryData<string> Backends => new() { ArtifactStoreOptions.FolderBackend, ArtifactStoreOptions.PostgresBackend };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Deleting_a_finished_job_removes_its_rows_its_stored_checkpoints_and_every_file_and_folder_of_it(string backend)
    {
        await using var host = Host(backend);
        var client = host.CreateClient();
        var job = await FinishedJobWithEverythingAsync(host, client);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(client, job)).StatusCode);
        Assert.NotEmpty(StoredKeysOf(job, await StoredKeysAsync(host)));
        Assert.NotEmpty(PathsNaming(job, CheckpointRoot(host)));
        await using var listener = await EventListener.StartAsync(api.Database.ConnectionString);

        var response = await client.DeleteAsync($"/api/jobs/{job}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/jobs/{job}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/jobs/{job}/checkpoints/best")).StatusCode);
        foreach (var table in JobTables) Assert.Equal(0, await CountAsync($"""SELECT count(*) FROM {table} WHERE "{(table == "training_jobs" ? "Id" : "JobId")}" = @job""", job));
        Assert.Equal(0, await CountAsync("""SELECT count(*) FROM pending_file_deletions WHERE "JobId" = @job""", job));
        Assert.Empty(StoredKeysOf(job, await StoredKeysAsync(host)));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM artifacts WHERE strpos(key, @name) > 0", job, $"{job:N}"));
        Assert.Empty(PathsNaming(job, CheckpointRoot(host)));
        Assert.Empty(PathsNaming(job, api.CheckpointRoot));
        var announced = Assert.IsType<JobDeletedEvent>(await listener.NextAsync(e => e.JobId == job && e is JobDeletedEvent));
        Assert.Equal(await AdminIdAsync(), announced.OwnerId);
    }

    public static TheoryData<string> Unfinished => new() { "Running", "Queued", "Paused" };

    [Theory]
    [MemberData(nameof(Unfinished))]
    public async Task A_job_that_has_not_finished_is_refused_with_409_saying_to_cancel_it_first_and_keeps_everything(string state)
    {
        var client = api.CreateClient();
        var job = await JobWithEverythingAsync(api, client);
        if (state == "Running") Assert.NotNull(await api.Services.GetRequiredService<JobLifecycle>().TryStartRunAsync(job, "test-worker", CancellationToken.None));
        if (state == "Paused") Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/jobs/{job}/pause", null)).StatusCode);
        var before = await EverythingOfAsync(api, job);

        var response = await client.DeleteAsync($"/api/jobs/{job}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("detail").GetString();
        Assert.Contains($"is {state}", detail);
        Assert.Contains("cancel it first", detail);
        Assert.Equal(before, await EverythingOfAsync(api, job));
    }

    [Fact]
    public async Task Another_users_job_and_an_unknown_id_are_404_and_the_job_stays()
    {
        var client = api.CreateClient();
        var job = await FinishedJobWithEverythingAsync(api, client);
        var bob = await api.CreateUserAsync("bob-deletes");

        var others = await api.CreateClientWithKey(bob.Key.Secret).DeleteAsync($"/api/jobs/{job}");
        var unknown = await client.DeleteAsync($"/api/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/jobs/{job}")).StatusCode);
        Assert.NotEmpty(PathsNaming(job, api.CheckpointRoot));
    }

    [Fact]
    public async Task Files_whose_deletion_did_not_finish_are_deleted_by_the_next_retention_sweep()
    {
        var client = api.CreateClient();
        var job = await FinishedJobWithEverythingAsync(api, client);
        // What a delete leaves when its process dies after the rows committed and before the files went.
        await using (var db = await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync())
        {
            db.PendingFileDeletions.Add(new PendingFileDeletionRecord { JobId = job, KeyPrefix = ArtifactKeys.CheckpointFolder(job), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            await db.Jobs.Where(j => j.Id == job).ExecuteDeleteAsync();
        }
        Assert.NotEmpty(PathsNaming(job, api.CheckpointRoot));

        var run = await api.Services.GetRequiredService<RetentionSweep>().RunAsync(new RetentionOptions { Enabled = false }, CancellationToken.None);

        Assert.Empty(PathsNaming(job, api.CheckpointRoot));
        Assert.Equal(0, await CountAsync("""SELECT count(*) FROM pending_file_deletions WHERE "JobId" = @job""", job));
        Assert.True(run.DeletedFiles >= 3, $"deleted {run.DeletedFiles}");
    }

    [Fact]
    public async Task A_trial_of_a_sweep_can_be_deleted_once_it_has_ended_and_its_rung_decisions_go_with_it()
    {
        var client = api.CreateClient();
        var job = await FinishedJobWithEverythingAsync(api, client);
        Assert.Equal(1, await CountAsync("""SELECT count(*) FROM sweep_rungs WHERE "JobId" = @job""", job));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/jobs/{job}")).StatusCode);

        Assert.Equal(0, await CountAsync("""SELECT count(*) FROM sweep_rungs WHERE "JobId" = @job""", job));
    }

    private WebApplicationFactory<Program> Host(string backend) => backend == ArtifactStoreOptions.FolderBackend
        ? api.WithWebHostBuilder(_ => { })
        : api.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ArtifactStore:Backend", ArtifactStoreOptions.PostgresBackend);
            builder.UseSetting("StorageOptions:CheckpointRoot", _postgresCheckpointRoot);
        });

    private static string CheckpointRoot(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.CheckpointRoot;

    private static async Task<Guid> FinishedJobWithEverythingAsync(WebApplicationFactory<Program> host, HttpClient client)
    {
        var job = await JobWithEverythingAsync(host, client);
        // Cancelled as a run is: its worker stops it and the attempt row records how it ended.
        var lifecycle = host.Services.GetRequiredService<JobLifecycle>();
        var run = await lifecycle.TryStartRunAsync(job, "test-worker", CancellationToken.None);
        Assert.True(await lifecycle.CancelRunAsync(run!, CancellationToken.None));
        return job;
    }

    /// <summary>
    /// A job with a real best checkpoint of its network (and last and training copies of it), each put into the host's
    /// artifact store, a metrics row, step losses and an ASHA rung decision of a sweep.
    /// </summary>
    private static async Task<Guid> JobWithEverythingAsync(WebApplicationFactory<Program> host, HttpClient client)
    {
        var job = await PredictionTestBed.JobWithCheckpointAsync(host, client);
        var root = CheckpointRoot(host);
        var store = host.Services.GetRequiredService<IArtifactStore>();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        var best = await db.Checkpoints.AsNoTracking().SingleAsync(c => c.JobId == job);
        foreach (var name in new[] { CheckpointNames.Last, CheckpointNames.Training })
        {
            var relative = Path.Combine($"{job:N}", $"{name}.a1.e1.pth");
            File.Copy(Path.Combine(root, best.RelativePath), Path.Combine(root, relative));
            db.Checkpoints.Add(new CheckpointRecord
            {
                JobId = job, Name = name, Epoch = 1, RelativePath = relative, SizeBytes = best.SizeBytes, Sha256 = best.Sha256, CreatedAt = DateTimeOffset.UtcNow,
            });
        }
        await File.WriteAllTextAsync(Path.Combine(root, $"{job:N}", $".last.a1.e2.pth.{Guid.NewGuid():N}.part"), "an interrupted write");
        var sweep = new SweepRecord
        {
            Id = Guid.NewGuid(), Name = "sweep", Status = Contracts.Sweeps.SweepStatus.Running, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Spec = new SweepSpec("s", JsonDocument.Parse("{}").RootElement, [], "grid", 1, 1, 1, "validation_accuracy", Core.Training.Recipe.MetricMode.Max, null),
        };
        db.Sweeps.Add(sweep);
        await db.SaveChangesAsync();
        await db.Jobs.Where(j => j.Id == job).ExecuteUpdateAsync(s => s.SetProperty(j => j.SweepId, sweep.Id).SetProperty(j => j.TrialNumber, 1));
        db.EpochMetrics.Add(new EpochMetricsRecord { JobId = job, Epoch = 1, TrainLoss = 1, TrainAccuracy = 0.5, LearningRate = 0.05, EpochSeconds = 1, ImagesPerSecond = 1, RecordedAt = DateTimeOffset.UtcNow });
        db.StepLosses.Add(new StepLossesRecord { JobId = job, Epoch = 1, FirstStep = 0, Losses = StepLossesRecord.Pack([1f, 0.5f]) });
        db.SweepRungs.Add(new SweepRungRecord { SweepId = sweep.Id, Rung = 0, JobId = job, Epoch = 1, Value = 0.5, RecordedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        foreach (var checkpoint in await db.Checkpoints.AsNoTracking().Where(c => c.JobId == job).ToListAsync())
        {
            await store.PutFileAsync(ArtifactKeys.ForCheckpoint(checkpoint.RelativePath), Path.Combine(root, checkpoint.RelativePath), CancellationToken.None);
        }
        return job;
    }

    /// <summary>Every row that names the job, and every file of it with its size.</summary>
    private async Task<string> EverythingOfAsync(WebApplicationFactory<Program> host, Guid job)
    {
        var counts = new List<string>();
        foreach (var table in JobTables) counts.Add($"{table}:{await CountAsync($"""SELECT count(*) FROM {table} WHERE "{(table == "training_jobs" ? "Id" : "JobId")}" = @job""", job)}");
        var files = PathsNaming(job, CheckpointRoot(host)).Select(p => File.Exists(p) ? $"{p}:{new FileInfo(p).Length}" : p);
        return string.Join("\n", counts.Concat(files).Concat(StoredKeysOf(job, await StoredKeysAsync(host))));
    }

    private static async Task<IReadOnlyList<string>> StoredKeysAsync(WebApplicationFactory<Program> host) =>
        await host.Services.GetRequiredService<IArtifactStore>().ListAsync($"{ArtifactKeys.Checkpoints}/", CancellationToken.None);

    private static List<string> StoredKeysOf(Guid job, IEnumerable<string> keys) =>
        keys.Where(k => k.Contains($"{job:N}", StringComparison.OrdinalIgnoreCase) || k.Contains($"{job:D}", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Every file and folder under <paramref name="root"/>, hidden ones included, whose path names the job in either spelling.</summary>
    private static List<string> PathsNaming(Guid job, string root) =>
        !Directory.Exists(root) ? [] : Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Where(p => p.Contains($"{job:N}", StringComparison.OrdinalIgnoreCase) || p.Contains($"{job:D}", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();

    private async Task<long> CountAsync(string sql, Guid job, string? name = null)
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("job", job);
        if (name is not null) command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Guid?> AdminIdAsync()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Role == Core.Identity.UserRole.Admin).OrderBy(u => u.CreatedAt).Select(u => (Guid?)u.Id).FirstAsync();
    }

    private static Task<HttpResponseMessage> PredictAsync(HttpClient client, Guid job)
    {
        var pixels = PredictionImages.Digit();
        var image = Enumerable.Range(0, 28).Select(row => pixels.AsSpan(row * 28, 28).ToArray().Select(p => (int)p).ToArray()).ToArray();
        return client.PostAsJsonAsync($"/api/jobs/{job}/predict?topK=3", new { images = new[] { image } });
    }

    public void Dispose() => Directory.Delete(_postgresCheckpointRoot, recursive: true);
}
