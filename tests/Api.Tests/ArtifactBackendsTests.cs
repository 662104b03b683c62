using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.Api.Tests;

/// <summary>
/// The same Api on the same database with the folder artifact store and with the PostgreSQL one (and a checkpoint
/// folder of its own): what a client downloads, and what predict answers, must not tell them apart.
/// </summary>
public sealed class ArtifactBackendsTests(ApiFactory api) : IClassFixture<ApiFactory>, IDisposable
{
    private readonly string postgresCheckpointRoot = Directory.CreateTempSubdirectory("api-postgres-checkpoints-").FullName;

    private WebApplicationFactory<Program> PostgresApi() => api.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("ArtifactStore:Backend", ArtifactStoreOptions.PostgresBackend);
        builder.UseSetting("StorageOptions:CheckpointRoot", postgresCheckpointRoot);
    });

    [Fact]
    public async Task A_checkpoint_in_postgres_downloads_with_the_same_bytes_digests_and_ranges_as_from_the_folder()
    {
        await using var postgres = PostgresApi();
        var chunk = PostgresArtifactStore.ChunkBytes;
        var bytes = RandomNumberGenerator.GetBytes(2 * chunk + chunk / 3);
        var id = await JobWithCheckpointAsync(bytes);
        var relative = Path.Combine(id.ToString("N"), "best.a1.e1.pth");
        Assert.IsType<PostgresArtifactStore>(postgres.Services.GetRequiredService<IArtifactStore>());
        await postgres.Services.GetRequiredService<IArtifactStore>().PutAsync(ArtifactKeys.ForCheckpoint(relative), new MemoryStream(bytes), CancellationToken.None);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var url = $"/api/jobs/{id}/checkpoints/best";
        var ranges = new[] { "bytes=0-99", $"bytes={chunk - 10}-{chunk + 9}", $"bytes={chunk + 5}-", "bytes=-100", $"bytes={bytes.Length}-" };

        foreach (var client in new[] { api.CreateClient(), postgres.CreateClient() })
        {
            var whole = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
            Assert.Equal(sha, whole.Headers.GetValues("X-Checksum-Sha256").Single());
            Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", whole.Headers.GetValues("Repr-Digest").Single());
            Assert.Equal($"\"{sha}\"", whole.Headers.ETag!.Tag);
            Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
            Assert.Equal("application/octet-stream", whole.Content.Headers.ContentType!.MediaType);
            Assert.Equal(bytes.Length, whole.Content.Headers.ContentLength);
            Assert.Equal("lenet-best-epoch1.pth", whole.Content.Headers.ContentDisposition!.FileName!.Trim('"'));

            foreach (var range in ranges[..4])
            {
                var (from, to) = Bounds(range, bytes.Length);
                var partial = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Range", range } } });
                Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
                Assert.Equal(new ContentRangeHeaderValue(from, to, bytes.Length), partial.Content.Headers.ContentRange);
                Assert.Equal(bytes[(int)from..((int)to + 1)], await partial.Content.ReadAsByteArrayAsync());
            }
            var beyond = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Range", ranges[4] } } });
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);

            var unchanged = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "If-None-Match", $"\"{sha}\"" } } });
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        }
    }

    [Fact]
    public async Task A_checkpoint_row_whose_file_the_postgres_store_lacks_answers_404()
    {
        await using var postgres = PostgresApi();
        var id = await JobWithCheckpointAsync([1, 2, 3]);

        var response = await postgres.CreateClient().GetAsync($"/api/jobs/{id}/checkpoints/best");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Predict_on_an_api_with_the_postgres_store_fetches_the_best_checkpoint_into_its_own_folder_and_answers_as_from_the_folder()
    {
        await using var postgres = PostgresApi();
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var best = (await api.Services.GetRequiredService<JobQueries>().CheckpointAsync(id, CheckpointNames.Best, CancellationToken.None))!;
        var local = Path.Combine(api.CheckpointRoot, best.RelativePath);
        await postgres.Services.GetRequiredService<IArtifactStore>().PutFileAsync(ArtifactKeys.ForCheckpoint(best.RelativePath), local, CancellationToken.None);
        var pixels = PredictionImages.Digit();
        var image = Enumerable.Range(0, 28).Select(row => pixels.AsSpan(row * 28, 28).ToArray().Select(p => (int)p).ToArray()).ToArray();
        var fromFolder = await PredictAsync(api.CreateClient(), id, image);
        File.Delete(local);

        var fromPostgres = await PredictAsync(postgres.CreateClient(), id, image);

        Assert.Equal(fromFolder, fromPostgres);
        var fetched = Path.Combine(postgresCheckpointRoot, best.RelativePath);
        Assert.Equal(best.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(fetched))));
        Assert.False(File.Exists(local), "the folder Api's copy stayed deleted: the prediction came from PostgreSQL");
    }

    public void Dispose() => Directory.Delete(postgresCheckpointRoot, recursive: true);

    private static async Task<string> PredictAsync(HttpClient client, Guid id, int[][] image)
    {
        var response = await client.PostAsJsonAsync($"/api/jobs/{id}/predict?topK=3", new { images = new[] { image } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions").GetRawText();
    }

    private static (long From, long To) Bounds(string range, long length)
    {
        var spec = range["bytes=".Length..];
        if (spec.StartsWith('-')) return (length - long.Parse(spec[1..]), length - 1);
        var parts = spec.Split('-');
        return (long.Parse(parts[0]), parts[1].Length == 0 ? length - 1 : long.Parse(parts[1]));
    }

    /// <summary>A job with a <c>best</c> checkpoint row and that file in the folder Api's checkpoint root.</summary>
    private async Task<Guid> JobWithCheckpointAsync(byte[] bytes)
    {
        var job = await (await api.CreateClient().PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(job.GetProperty("id").GetString()!);
        var relative = Path.Combine(id.ToString("N"), "best.a1.e1.pth");
        Directory.CreateDirectory(Path.Combine(api.CheckpointRoot, id.ToString("N")));
        await File.WriteAllBytesAsync(Path.Combine(api.CheckpointRoot, relative), bytes);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        db.Checkpoints.Add(new CheckpointRecord
        {
            JobId = id, Name = CheckpointNames.Best, Epoch = 1, RelativePath = relative,
            SizeBytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }
}
