using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TrainingService.Core;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using static TorchSharp.torch;

namespace TrainingService.Api.Tests;

/// <summary>
/// <c>GET /api/jobs/{id}/onnx</c> for an MNIST LeNet-5 job with a stored best checkpoint: the file downloads under the
/// job's and model's names, and with <c>preprocess=true</c> ONNX Runtime fed raw pixels gives the probabilities the
/// job's own prediction gives.
/// </summary>
public sealed class ExportingOnnxTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task A_jobs_best_checkpoint_downloads_as_an_ONNX_model_named_after_the_job_and_model()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        using var response = await _client.GetAsync($"/api/jobs/{id}/onnx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/onnx", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("lenet-lenet5-best.onnx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var session = new InferenceSession(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new[] { -1, 1, 32, 32 }, session.InputMetadata["input"].Dimensions);
        Assert.Equal(id.ToString(), session.ModelMetadata.CustomMetadataMap["job_id"]);
    }

    [Fact]
    public async Task With_preprocess_the_model_takes_raw_pixels_and_gives_the_jobs_own_predictions()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        using var response = await _client.GetAsync($"/api/jobs/{id}/onnx?checkpoint=best&preprocess=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("lenet-lenet5-best-preprocess.onnx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var session = new InferenceSession(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new[] { -1, 1, 28, 28 }, session.InputMetadata["input"].Dimensions);

        using var scope = NewDisposeScope();
        var pixels = randint(0, 256, [2, 1, 28, 28], generator: new Generator(3)).to(uint8);
        var job = (await api.Services.GetRequiredService<JobQueries>().FindAsync(id, CancellationToken.None))!;
        var path = Path.Combine(api.Services.GetRequiredService<IOptions<StorageOptions>>().Value.CheckpointRoot, id.ToString("N"), "best.pth");
        var expected = api.Services.GetRequiredService<Predictor>().Predict(job.Spec, job.Resolution, path, pixels, topK: 10);

        var input = new DenseTensor<byte>(pixels.data<byte>().ToArray(), [2, 1, 28, 28]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        var logits = results.Single().AsTensor<float>();
        for (var image = 0; image < 2; image++)
        {
            var row = Enumerable.Range(0, 10).Select(c => (double)logits[image, c]).ToArray();
            var max = row.Max();
            var sum = row.Sum(v => Math.Exp(v - max));
            foreach (var entry in expected[image])
            {
                Assert.Equal(entry.Probability, Math.Exp(row[entry.ClassIndex] - max) / sum, 4);
            }
        }
    }

    [Fact]
    public async Task A_checkpoint_the_job_does_not_have_yet_is_a_409_and_an_unknown_name_a_400_naming_the_field()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        using var last = await _client.GetAsync($"/api/jobs/{id}/onnx?checkpoint=last");
        using var worst = await _client.GetAsync($"/api/jobs/{id}/onnx?checkpoint=worst&preprocess=maybe");
        using var unknown = await _client.GetAsync($"/api/jobs/{Guid.NewGuid()}/onnx");

        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, worst.StatusCode);
        var errors = (await worst.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("checkpoint", out _));
        Assert.True(errors.TryGetProperty("preprocess", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
