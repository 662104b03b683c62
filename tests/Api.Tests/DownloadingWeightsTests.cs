using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TrainingService.Core.Bundles;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Checkpoints.SafeTensors;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests;

/// <summary>The best weights as safetensors and as a bundle, next to the .pth they are made from.</summary>
public sealed class DownloadingWeightsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_checkpoint_downloads_as_safetensors_holding_the_pth_tensors_with_its_own_digests_and_name()
    {
        var client = api.CreateClient();
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var pth = await client.GetByteArrayAsync($"/api/jobs/{id}/checkpoints/best");

        var response = await client.GetAsync($"/api/jobs/{id}/checkpoints/best?format=safetensors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, response.Headers.GetValues("X-Checksum-Sha256").Single());
        Assert.Equal($"\"{sha}\"", response.Headers.ETag!.Tag);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", response.Headers.GetValues("Repr-Digest").Single());
        Assert.Equal("lenet-best-epoch1.safetensors", response.Content.Headers.ContentDisposition!.FileName);
        var file = new SafeTensorsReader().Read(new MemoryStream(bytes));
        var expected = new PthReader().Read(new MemoryStream(pth));
        Assert.Equal(expected.Select(t => t.Key).Order(StringComparer.Ordinal), file.Tensors.Select(t => t.Key).Order(StringComparer.Ordinal));
        foreach (var tensor in expected)
        {
            var read = file.Tensors.Single(t => t.Key == tensor.Key);
            Assert.Equal(tensor.Shape, read.Shape);
            Assert.Equal(tensor.Data, read.Data);
        }
        var stored = await api.Services.GetRequiredService<JobQueries>().FindAsync(id, CancellationToken.None);
        Assert.Equal("lenet5", file.Metadata["model"]);
        Assert.Equal(SpecDigest.Of(stored!.Spec), file.Metadata["spec_sha256"]);
        Assert.Equal("1", file.Metadata["epoch"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pth)), file.Metadata["pth_sha256"]);
    }

    [Fact]
    public async Task The_same_checkpoint_gives_the_same_safetensors_bytes_so_its_etag_revalidates()
    {
        var client = api.CreateClient();
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var first = await client.GetAsync($"/api/jobs/{id}/checkpoints/best?format=safetensors");
        var second = await client.GetByteArrayAsync($"/api/jobs/{id}/checkpoints/best?format=safetensors");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}/checkpoints/best?format=safetensors");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await client.SendAsync(conditional);

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), second);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [InlineData("best?format=onnx")]
    [InlineData("best?format=")]
    [InlineData("training?format=safetensors")]
    public async Task A_bad_format_is_a_400_naming_format(string query)
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var response = await api.CreateClient().GetAsync($"/api/jobs/{id}/checkpoints/{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _), problem.ToString());
    }

    [Fact]
    public async Task A_job_without_a_best_checkpoint_has_no_bundle_yet()
    {
        var client = api.CreateClient();
        var job = await (await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.GetAsync($"/api/jobs/{job.GetProperty("id").GetString()}/bundle");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(409, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_bundle_is_one_zip_of_the_weights_in_both_formats_the_onnx_model_the_source_the_spec_and_a_model_card()
    {
        var client = api.CreateClient();
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var pth = await client.GetByteArrayAsync($"/api/jobs/{id}/checkpoints/best");
        var source = await client.GetStringAsync($"/api/jobs/{id}/pytorch");

        var response = await client.GetAsync($"/api/jobs/{id}/bundle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("lenet-bundle.zip", response.Content.Headers.ContentDisposition!.FileName);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        byte[] Entry(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        Assert.Equal(pth, Entry(BundleFiles.Pth));
        Assert.Equal(source, System.Text.Encoding.UTF8.GetString(Entry(BundleFiles.Source)));
        var stored = await api.Services.GetRequiredService<JobQueries>().FindAsync(id, CancellationToken.None);
        Assert.Equal(SpecDigest.Of(stored!.Spec), Convert.ToHexStringLower(SHA256.HashData(Entry(BundleFiles.Spec))));
        var safeTensors = new SafeTensorsReader().Read(new MemoryStream(Entry(BundleFiles.SafeTensors)));
        Assert.Equal(new PthReader().Read(new MemoryStream(pth)).Count, safeTensors.Tensors.Count);
        Assert.StartsWith(MetricsCsv.Header, System.Text.Encoding.UTF8.GetString(Entry(BundleFiles.Metrics)));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Entry(BundleFiles.LossCurve)[..4]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Entry(BundleFiles.AccuracyCurve)[..4]);
        var card = System.Text.Encoding.UTF8.GetString(Entry(BundleFiles.ModelCard));
        Assert.Contains("61,706 parameters", card);
        Assert.Contains("from model import LeNet5", card);
        Assert.Contains($"ort.InferenceSession(\"{BundleFiles.Onnx}\")", card);
        var exported = await client.GetByteArrayAsync($"/api/jobs/{id}/onnx");
        Assert.Equal(Logits(exported), Logits(Entry(BundleFiles.Onnx)));
        var manifest = JsonDocument.Parse(Entry(BundleFiles.Manifest)).RootElement;
        Assert.Equal("LeNet5", manifest.GetProperty("className").GetString());
        Assert.Equal(["scale", "pad", "normalize"], manifest.GetProperty("preprocessing").EnumerateArray().Select(s => s.GetProperty("op").GetString()));
        Assert.NotNull(zip.GetEntry(BundleFiles.Evaluate));
    }

    /// <summary>ONNX Runtime's logits for two fixed 32x32 images, so two files of one network can be compared.</summary>
    private static float[] Logits(byte[] onnx)
    {
        using var session = new InferenceSession(onnx);
        var input = new DenseTensor<float>(Enumerable.Range(0, 2 * 32 * 32).Select(i => (i % 37) / 37f - 0.4f).ToArray(), [2, 1, 32, 32]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        return results.Single().AsEnumerable<float>().ToArray();
    }
}
