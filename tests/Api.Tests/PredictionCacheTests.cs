using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using TrainingService.Api.Apis.Jobs.Prediction;
using TrainingService.Contracts.Predictions;
using TrainingService.Core.Datasets;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using TrainingService.Core.Training;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>
/// <c>/predict</c> keeps the built network of a job's checkpoint: a second request is served from the cache with the
/// same answer, a batch of 256 goes through at once and agrees with each image alone, a small cache evicts without
/// pulling weights from under a request, a new checkpoint is never answered with the old weights, and a deleted job is a 404.
/// </summary>
public sealed class PredictionCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Batch = 256;

    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task A_second_prediction_comes_from_the_cache_and_equals_the_first()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var first = await PredictAsync(_client, id, Digits(1));
        var second = await PredictAsync(_client, id, Digits(1));

        Assert.Equal("miss", CacheOutcome(first));
        Assert.Equal("hit", CacheOutcome(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_batch_of_256_images_returns_256_predictions_equal_to_each_image_predicted_alone()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var digits = Digits(Batch);

        var batch = await ReadAsync(await PredictAsync(_client, id, digits, topK: 10));

        Assert.Equal(Batch, batch.Predictions.Count);
        for (var i = 0; i < Batch; i++)
        {
            var alone = (await ReadAsync(await PredictAsync(_client, id, [digits[i]], topK: 10))).Predictions[0];
            Assert.Equal(i, batch.Predictions[i].Index);
            // All ten classes, compared by class: a batched convolution may differ from a single one in the last float bits.
            var single = alone.Top.ToDictionary(c => c.ClassIndex, c => c.Probability);
            Assert.Equal(single.Count, batch.Predictions[i].Top.Count);
            foreach (var together in batch.Predictions[i].Top) Assert.Equal(single[together.ClassIndex], together.Probability, 1e-6);
        }
    }

    [Fact]
    public async Task Concurrent_predictions_with_one_cached_network_all_get_the_answer_of_one_alone()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var expected = await (await PredictAsync(_client, id, Digits(3))).Content.ReadAsStringAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ => await (await PredictAsync(api.CreateClient(), id, Digits(3))).Content.ReadAsStringAsync()));

        Assert.All(answers, answer => Assert.Equal(expected, answer));
    }

    [Fact]
    public async Task A_cache_that_holds_one_lenet_evicts_the_least_recently_used_and_still_answers_each_job_as_before()
    {
        await using var small = api.WithWebHostBuilder(builder => builder.UseSetting("PredictionCache:SizeLimitBytes", "300000"));
        var client = small.CreateClient();
        var a = await PredictionTestBed.JobWithCheckpointAsync(small, client);
        var b = await PredictionTestBed.JobWithCheckpointAsync(small, client);
        await PredictionTestBed.WriteBestCheckpointAsync(small, b, seed: 10);

        var aFirst = await PredictAsync(client, a, Digits(2));
        var bFirst = await PredictAsync(client, b, Digits(2));
        var aAgain = await PredictAsync(client, a, Digits(2));

        Assert.Equal(["miss", "miss", "miss"], new[] { aFirst, bFirst, aAgain }.Select(CacheOutcome));
        Assert.Equal(await aFirst.Content.ReadAsStringAsync(), await aAgain.Content.ReadAsStringAsync());
        Assert.NotEqual(Tops(await ReadAsync(aFirst)), Tops(await ReadAsync(bFirst)));
        var statistics = small.Services.GetRequiredService<PredictionCache>().Statistics;
        Assert.Equal((1, 2L), (statistics.Entries, statistics.Evictions));
        Assert.True(statistics.Bytes <= 300_000, $"{statistics}");
    }

    [Fact]
    public async Task A_network_evicted_while_a_request_holds_it_is_disposed_only_when_that_request_lets_go()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var (spec, resolution, path) = await CheckpointOfAsync(id);
        var predictor = api.Services.GetRequiredService<Predictor>();
        using var cache = new PredictionCache(new PredictionCacheOptions { SizeLimitBytes = 300_000 });
        using var images = TorchSharp.torch.zeros([1, 1, 28, 28], TorchSharp.torch.uint8);

        var held = cache.Add(id, "aa", predictor.Load(spec, resolution, path));
        cache.Add(Guid.NewGuid(), "bb", predictor.Load(spec, resolution, path)).Dispose();

        Assert.Equal(1, cache.Statistics.Evictions);
        Assert.False(held.Network.IsDisposed);
        Assert.Single(held.Network.Predict(images, topK: 3, includeInput: false).Top);
        var network = held.Network;
        held.Dispose();
        Assert.True(network.IsDisposed);
        Assert.Null(cache.TryLease(id, "aa"));
    }

    [Fact]
    public async Task A_new_best_checkpoint_is_predicted_with_its_own_weights_not_the_cached_ones()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var before = await PredictAsync(_client, id, Digits(4), topK: 10);
        Assert.Equal("hit", CacheOutcome(await PredictAsync(_client, id, Digits(4), topK: 10)));

        await PredictionTestBed.WriteBestCheckpointAsync(api, id, seed: 11, epoch: 2);
        var after = await PredictAsync(_client, id, Digits(4), topK: 10);

        Assert.Equal("miss", CacheOutcome(after));
        var answer = await ReadAsync(after);
        Assert.Equal(2, answer.CheckpointEpoch);
        Assert.NotEqual(Tops(await ReadAsync(before)), Tops(answer));
        Assert.Equal("hit", CacheOutcome(await PredictAsync(_client, id, Digits(4), topK: 10)));
    }

    [Fact]
    public async Task A_deleted_job_is_not_found_even_with_its_network_cached()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(_client, id, Digits(1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/api/jobs/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/jobs/{id}")).StatusCode);

        var response = await PredictAsync(_client, id, Digits(1));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Asked_for_its_input_the_api_returns_each_image_padded_and_normalised_as_the_network_reads_it()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var answer = await ReadAsync(await _client.PostAsJsonAsync($"/api/jobs/{id}/predict?topK=3&includeInput=true", new { images = Digits(2) }));
        var plain = await ReadAsync(await PredictAsync(_client, id, Digits(2)));

        Assert.All(plain.Predictions, prediction => Assert.Null(prediction.Input));
        var input = answer.Predictions[0].Input!;
        Assert.Equal((1, 32, 32), (input.Channels, input.Height, input.Width));
        Assert.Equal((0 - 0.1307) / 0.3081, input.Minimum, 4);
        Assert.Equal((1 - 0.1307) / 0.3081, input.Maximum, 4);
        using var png = SKBitmap.Decode(input.Png);
        Assert.Equal((32, 32), (png.Width, png.Height));
        var digit = PredictionImages.Digit();
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var inside = y is >= 2 and < 30 && x is >= 2 and < 30;
                Assert.Equal(inside ? digit[((y - 2) * 28) + x - 2] : 0, png.GetPixel(x, y).Red, 1.0);
            }
        }
    }

    private async Task<(Core.Jobs.TrainingJobSpec Spec, Core.Jobs.JobResolution? Resolution, string Path)> CheckpointOfAsync(Guid id)
    {
        var job = (await api.Services.GetRequiredService<JobQueries>().FindAsync(id, CancellationToken.None))!;
        var best = (await api.Services.GetRequiredService<JobQueries>().CheckpointAsync(id, CheckpointNames.Best, CancellationToken.None))!;
        return (job.Spec, job.Resolution, Path.Combine(api.CheckpointRoot, best.RelativePath));
    }

    /// <summary>The first <paramref name="count"/> MNIST test digits as [28][28] pixel arrays.</summary>
    private static int[][][] Digits(int count)
    {
        using var file = File.OpenRead(Path.Combine(RepositoryPaths.DatasetRoot, "mnist", "t10k-images-idx3-ubyte"));
        var pixels = IdxFile.ReadImages(file, "t10k-images-idx3-ubyte").Pixels;
        return [.. Enumerable.Range(0, count).Select(image => Enumerable.Range(0, 28)
            .Select(row => pixels.AsSpan((image * 784) + (row * 28), 28).ToArray().Select(p => (int)p).ToArray()).ToArray())];
    }

    private static Task<HttpResponseMessage> PredictAsync(HttpClient client, Guid id, int[][][] images, int topK = 3) =>
        client.PostAsJsonAsync($"/api/jobs/{id}/predict?topK={topK}", new { images });

    private static string? CacheOutcome(HttpResponseMessage response) =>
        response.Headers.TryGetValues(PredictEndpoint.CacheHeader, out var values) ? values.Single() : null;

    private static async Task<PredictionResponse> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PredictionResponse>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    private static string Tops(PredictionResponse response) =>
        string.Join(";", response.Predictions.Select(p => string.Join(",", p.Top.Select(c => $"{c.ClassIndex}:{c.Probability:R}"))));
}
