using TrainingService.Api.Apis.Jobs.Prediction;
using TrainingService.PredictBenchmark.Measurement;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>
/// The prediction benchmark (tools/PredictBenchmark) in a few requests, against the real Api with its cache and a copy
/// of it without one: the warm answer equals the cold one and a batch of 256 PNGs gives 256 answers equal to each alone.
/// </summary>
public sealed class PredictBenchmarkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_benchmark_finds_a_cached_answer_equal_to_the_first_and_a_batch_of_256_equal_to_each_image_alone()
    {
        await using var uncached = api.WithWebHostBuilder(builder => builder.UseSetting("PredictionCache:SizeLimitBytes", "0"));
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var figures = await PredictionLatency.MeasureAsync(api.CreateClient(), uncached.CreateClient(), id,
            PredictionLatency.MnistTestDigits(RepositoryPaths.DatasetRoot, 256), warmRequests: 3, batchRepeats: 1);

        Assert.Equal(PredictEndpoint.CacheHeader, PredictionLatency.CacheHeader);
        Assert.Equal("miss", figures.ColdOutcome);
        Assert.Equal(new Dictionary<string, int> { ["hit"] = 3 }, figures.WarmOutcomes);
        Assert.True(figures.WarmEqualsCold);
        Assert.Equal(256, figures.BatchPredictions);
        Assert.Equal(0, figures.BatchMismatches);
    }
}
