using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingService.Core;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using TrainingService.Core.Training;
using TrainingService.PredictBenchmark.Measurement;

namespace TrainingService.PredictBenchmark;

/// <summary>The prediction latency benchmark (docs/benchmarks.md, "Prediction latency (issue 14)").</summary>
internal static class Benchmark
{
    // Usage: dotnet run -c Release --project tools/PredictBenchmark -- [--postgres "<server connection string>"] [--datasets <root>] [--requests 500] [--batch 256] [--batch-repeats 10]
    // Creates a fresh database on that server, submits a LeNet-5 MNIST job, writes its best checkpoint (seeded weights, through the
    // checkpoint writer the worker uses), times /predict on two in-process Apis (cache on, cache off) and drops the database.
    public static async Task<int> Main(string[] args)
    {
        string? Option(string name) => args.SkipWhile(v => v != name).Skip(1).FirstOrDefault();
        var server = Option("--postgres") ?? Environment.GetEnvironmentVariable("TEST_POSTGRES")
            ?? throw new InvalidOperationException("Pass --postgres \"Host=...;Username=...\" (a server the benchmark may create a database on) or set TEST_POSTGRES.");
        var datasetRoot = Option("--datasets") ?? Environment.GetEnvironmentVariable("TEST_MNIST_ROOT") ?? Path.GetFullPath(".data/datasets");
        var requests = int.Parse(Option("--requests") ?? "500", CultureInfo.InvariantCulture);
        var batchSize = int.Parse(Option("--batch") ?? "256", CultureInfo.InvariantCulture);
        var batchRepeats = int.Parse(Option("--batch-repeats") ?? "10", CultureInfo.InvariantCulture);

        var database = $"predict_benchmark_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await Sql(admin, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var checkpointRoot = Directory.CreateTempSubdirectory("predict-benchmark-").FullName;
        try
        {
            await using var cached = new PredictApi(connectionString, checkpointRoot, datasetRoot, new PredictionCacheOptions().SizeLimitBytes);
            await using var uncached = new PredictApi(connectionString, checkpointRoot, datasetRoot, cacheBytes: 0);
            cached.StartServer();
            uncached.StartServer();
            var contexts = cached.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
            var user = await new AccountStore(contexts, TimeProvider.System).CreateUserAsync("admin", UserRole.Admin, "benchmark", CancellationToken.None);
            using var cachedClient = Client(cached, user.Key.Secret);
            using var uncachedClient = Client(uncached, user.Key.Secret);
            var job = await LeNetJobWithCheckpointAsync(cached, cachedClient, checkpointRoot);
            var digits = PredictionLatency.MnistTestDigits(datasetRoot, batchSize);

            var figures = await PredictionLatency.MeasureAsync(cachedClient, uncachedClient, job, digits, requests, batchRepeats);
            var statistics = cached.Services.GetRequiredService<PredictionCache>().Statistics;

            Console.WriteLine($"LeNet-5 on MNIST, one PNG per request over HTTP to Kestrel on loopback, {requests} warm requests to each Api, interleaved:");
            Console.WriteLine();
            Console.WriteLine("| request | n | p50 ms | p95 ms | max ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine($"| cold first request (cache {figures.ColdOutcome}) | 1 | {figures.ColdMs:0.0} | | |");
            Row("warm single image, cache on", figures.Warm);
            Row("warm single image, cache off (network built per request)", figures.WarmWithoutCache);
            Row("warm single image, cache on, no uncached requests between", figures.WarmAlone);
            Row($"batch of {figures.BatchSize} PNGs, cache on", figures.Batch);
            Console.WriteLine();
            Console.WriteLine($"cache off / cache on, p50: {figures.WarmWithoutCache.P50 / figures.Warm.P50:0.0}x; batch: {figures.BatchImagesPerSecond:0} images/s at p50");
            Console.WriteLine($"warm answers by cache outcome: {string.Join(", ", figures.WarmOutcomes.Select(o => $"{o.Key} {o.Value}"))}");
            Console.WriteLine($"cache: {statistics.Hits} hits, {statistics.Misses} misses, {statistics.Evictions} evictions, {statistics.Entries} entries, {statistics.Bytes} bytes of {statistics.SizeLimitBytes}");
            Console.WriteLine($"checks: warm answer equals cold: {figures.WarmEqualsCold}; batch predictions {figures.BatchPredictions} of {figures.BatchSize}, {figures.BatchMismatches} differ from the image alone");
            return figures.WarmEqualsCold && figures.BatchMismatches == 0 && figures.BatchPredictions == figures.BatchSize ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Sql(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            Directory.Delete(checkpointRoot, recursive: true);
        }
    }

    private static void Row(string name, LatencySummary summary) =>
        Console.WriteLine($"| {name} | {summary.Count} | {summary.P50:0.0} | {summary.P95:0.0} | {summary.Max:0.0} |");

    private static HttpClient Client(PredictApi api, string key)
    {
        var client = api.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    // The job is submitted over the Api, so its spec and resolution are stored as for any job; its best checkpoint is LeNet-5
    // with seeded weights, written by the worker's checkpoint writer: prediction costs the same whatever the weights' values.
    private static async Task<Guid> LeNetJobWithCheckpointAsync(PredictApi api, HttpClient client, string checkpointRoot)
    {
        var spec = new { name = "predict benchmark", model = new { name = "lenet5" }, dataset = new { name = "mnist" },
            hyperparameters = new { epochs = 1, batchSize = 64, learningRate = 0.05 } };
        using var submitted = await client.PostAsJsonAsync("/api/jobs", spec);
        submitted.EnsureSuccessStatusCode();
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var job = (await api.Services.GetRequiredService<JobQueries>().FindAsync(id, CancellationToken.None))!;
        var dataset = api.Services.GetRequiredService<Predictor>().DatasetOf(job.Spec, job.Resolution);
        var network = job.Resolution?.Network
            ?? api.Services.GetRequiredService<NetworkPlanner>().Plan(job.Spec.Model, dataset, job.Spec.Dataset.Transforms, new ValidationErrors())!.Network;
        TorchSharp.torch.manual_seed(1);
        using var model = ModuleBuilder.Build(network);
        var relative = Path.Combine(id.ToString("N"), "best.pth");
        var file = await new CheckpointWriter().WriteAsync(Path.Combine(checkpointRoot, relative), StateDictConversion.FromModule(model), CancellationToken.None);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        db.Checkpoints.Add(new CheckpointRecord
        {
            JobId = id, Name = CheckpointNames.Best, Epoch = 1, RelativePath = relative, SizeBytes = file.SizeBytes, Sha256 = file.Sha256, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task Sql(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
