using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;
using TrainingService.Contracts.Predictions;
using TrainingService.Core.Datasets;

namespace TrainingService.PredictBenchmark.Measurement;

/// <summary>
/// Times <c>POST /api/jobs/{id}/predict</c> as a client sees it: the first (cold) request, warm single-PNG requests to
/// two Apis interleaved (one with the prediction cache, one without), and a multipart batch of PNGs; and checks that a
/// warm answer equals the cold one and that the batch's answers equal each image's own. Linked into the Api tests,
/// which run it with a handful of requests.
/// </summary>
public static class PredictionLatency
{
    public const string CacheHeader = "X-Prediction-Cache";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<PredictionFigures> MeasureAsync(
        HttpClient cached, HttpClient uncached, Guid job, IReadOnlyList<byte[]> digits, int warmRequests, int batchRepeats)
    {
        var (coldMs, cold) = await TimeAsync(cached, job, digits.Take(1));
        var coldOutcome = cold.Outcome;
        var (_, warm) = await TimeAsync(cached, job, digits.Take(1));
        await TimeAsync(uncached, job, digits.Take(1));

        var withCache = new List<double>(warmRequests);
        var withoutCache = new List<double>(warmRequests);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < warmRequests; i++)
        {
            var digit = digits.Skip(i % digits.Count).Take(1);
            var (ms, answer) = await TimeAsync(cached, job, digit);
            withCache.Add(ms);
            outcomes[answer.Outcome] = outcomes.GetValueOrDefault(answer.Outcome) + 1;
            withoutCache.Add((await TimeAsync(uncached, job, digit)).Ms);
        }

        // The same requests with no network being built between them: the interleaved series above shares the process
        // with an Api that allocates a LeNet-5 per request, whose collections land in the cached side's tail too.
        var withCacheAlone = new List<double>(warmRequests);
        for (var i = 0; i < warmRequests; i++)
        {
            withCacheAlone.Add((await TimeAsync(cached, job, digits.Skip(i % digits.Count).Take(1))).Ms);
        }

        var batchTimes = new List<double>(batchRepeats);
        Answer batch = default;
        for (var i = 0; i < batchRepeats; i++)
        {
            (var ms, batch) = await TimeAsync(cached, job, digits);
            batchTimes.Add(ms);
        }
        var mismatches = 0;
        for (var i = 0; i < digits.Count; i++)
        {
            var alone = (await TimeAsync(cached, job, digits.Skip(i).Take(1))).Answer.Response.Predictions[0];
            if (!SameClasses(alone, batch.Response.Predictions[i])) mismatches++;
        }

        return new PredictionFigures(
            coldMs, coldOutcome, LatencySummary.Of(withCache), LatencySummary.Of(withoutCache), LatencySummary.Of(withCacheAlone), outcomes,
            digits.Count, batch.Response.Predictions.Count, LatencySummary.Of(batchTimes),
            WarmEqualsCold: Same(cold.Response, warm.Response), BatchMismatches: mismatches);
    }

    /// <summary>The first <paramref name="count"/> MNIST test digits as grey PNG files, as a person would upload them.</summary>
    public static IReadOnlyList<byte[]> MnistTestDigits(string datasetRoot, int count)
    {
        using var file = File.OpenRead(Path.Combine(datasetRoot, "mnist", "t10k-images-idx3-ubyte"));
        var pixels = IdxFile.ReadImages(file, "t10k-images-idx3-ubyte").Pixels;
        return [.. Enumerable.Range(0, count).Select(i => GreyPng(pixels.AsSpan(i * 784, 784).ToArray()))];
    }

    private static byte[] GreyPng(byte[] grey)
    {
        using var image = SKImage.FromPixelCopy(new SKImageInfo(28, 28, SKColorType.Gray8, SKAlphaType.Opaque), grey);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task<(double Ms, Answer Answer)> TimeAsync(HttpClient client, Guid job, IEnumerable<byte[]> images)
    {
        using var form = new MultipartFormDataContent();
        var index = 0;
        foreach (var image in images) form.Add(new ByteArrayContent(image), "images", $"{index++}.png");
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync($"/api/jobs/{job}/predict?topK=10", form);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        response.EnsureSuccessStatusCode();
        var outcome = response.Headers.TryGetValues(CacheHeader, out var values) ? values.Single() : "none";
        return (watch.Elapsed.TotalMilliseconds, new Answer(JsonSerializer.Deserialize<PredictionResponse>(body, Json)!, outcome));
    }

    private static bool Same(PredictionResponse a, PredictionResponse b) =>
        a.Predictions.Count == b.Predictions.Count && a.Predictions.Zip(b.Predictions).All(pair => pair.First.Top.SequenceEqual(pair.Second.Top));

    // By class within 1e-6: a batched convolution may differ from a single one in the last float bits.
    private static bool SameClasses(ImagePrediction alone, ImagePrediction inBatch)
    {
        var single = alone.Top.ToDictionary(c => c.ClassIndex, c => c.Probability);
        return single.Count == inBatch.Top.Count
            && inBatch.Top.All(c => single.TryGetValue(c.ClassIndex, out var p) && Math.Abs(p - c.Probability) <= 1e-6);
    }

    private readonly record struct Answer(PredictionResponse Response, string Outcome);
}
