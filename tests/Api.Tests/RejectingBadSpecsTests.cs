using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests;

public sealed class RejectingBadSpecsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> BadSpecs() => new()
    {
        { JobSpecs.With("hyperparameters", "epochs", 0).ToJsonString(), "hyperparameters.epochs" },
        { JobSpecs.With("hyperparameters", "batchSize", 0).ToJsonString(), "hyperparameters.batchSize" },
        { JobSpecs.With("hyperparameters", "learningRate", -1).ToJsonString(), "hyperparameters.learningRate" },
        { JobSpecs.With("hyperparameters", "optimizer", "lbfgs").ToJsonString(), "hyperparameters.optimizer" },
        { JobSpecs.With("model", "name", "resnet9000").ToJsonString(), "model.name" },
        { JobSpecs.With("model", "numClasses", 5).ToJsonString(), "model.numClasses" },
        { JobSpecs.With("dataset", "name", "imagenet-21k").ToJsonString(), "dataset.name" },
        { JobSpecs.With("dataset", "validationFraction", 1.0).ToJsonString(), "dataset.validationFraction" },
        { JobSpecs.With("dataset", "validationFraction", -0.1).ToJsonString(), "dataset.validationFraction" },
        { JobSpecs.With("dataset", "trainLimit", 0).ToJsonString(), "dataset.trainLimit" },
        { JobSpecs.Without("hyperparameters").ToJsonString(), "hyperparameters" },
        { JobSpecs.Without("hyperparameters", "epochs").ToJsonString(), "hyperparameters.epochs" },
        { JobSpecs.Without("model", "name").ToJsonString(), "model.name" },
        { JobSpecs.Without("dataset").ToJsonString(), "dataset" },
        { JobSpecs.With("hyperparameters", "epoch", 3).ToJsonString(), "hyperparameters.epoch" },
        { JobSpecs.With("hyperparameters", "epochs", "three").ToJsonString(), "hyperparameters.epochs" },
        { JobSpecs.With("hyperparameters", "nesterov", true).ToJsonString().Replace("\"momentum\":0.9", "\"momentum\":0"), "hyperparameters.nesterov" },
        { JobSpecs.With("hyperparameters", "schedule", JsonNode.Parse("""{"kind": "sawtooth"}""")).ToJsonString(), "hyperparameters.schedule.kind" },
        { JobSpecs.With("hyperparameters", "labelSmoothing", 1.0).ToJsonString(), "hyperparameters.labelSmoothing" },
        { JobSpecs.With("hyperparameters", "earlyStopping", JsonNode.Parse("""{"metric": "validation_loss", "patience": 0}""")).ToJsonString(), "hyperparameters.earlyStopping.patience" },
        { JobSpecs.With("hyperparameters", "checkpointMetric", "f1").ToJsonString(), "hyperparameters.checkpointMetric" },
        { JobSpecs.With("hyperparameters", "device", "tpu").ToJsonString(), "hyperparameters.device" },
        { JobSpecs.With("dataset", "transforms", JsonNode.Parse("""{"eval": [{"type": "RandomCrop", "size": 28, "padding": 2}]}""")).ToJsonString(), "dataset.transforms.eval[0].type" },
        { JobSpecs.With("dataset", "transforms", JsonNode.Parse("""{"normalize": "magic"}""")).ToJsonString(), "dataset.transforms.normalize" },
        { JobSpecs.With("model", "init", "orthogonal").ToJsonString(), "model.init" },
        { JobSpecs.With("hyperparameters", "weightDecay", 1e308).ToJsonString(), "hyperparameters.weightDecay" },
        { JobSpecs.With("hyperparameters", "gradientClipNorm", "Infinity").ToJsonString(), "hyperparameters.gradientClipNorm" },
        { JobSpecs.With("hyperparameters", "learningRate", "NaN").ToJsonString(), "hyperparameters.learningRate" },
        { JobSpecs.With("hyperparameters", "momentum", "-Infinity").ToJsonString(), "hyperparameters.momentum" },
        { JobSpecs.With("dataset", "validationFraction", "NaN").ToJsonString(), "dataset.validationFraction" },
        { JobSpecs.With("dataset", "transforms", JsonNode.Parse("""{"normalize": "custom", "mean": ["NaN"], "std": [0.3]}""")).ToJsonString(), "dataset.transforms.mean[0]" },
        { JobSpecs.With("dataset", "transforms", JsonNode.Parse("""{"resize": [100000, 100000]}""")).ToJsonString(), "dataset.transforms.resize" },
        { JobSpecs.With("hyperparameters", "earlyStopping", JsonNode.Parse("""{"patience": 2, "minDelta": "NaN"}""")).ToJsonString(), "hyperparameters.earlyStopping.minDelta" },
        { JobSpecs.With("hyperparameters", "schedule", JsonNode.Parse("""{"kind": "onecycle", "maxRate": 1e300}""")).ToJsonString(), "hyperparameters.schedule.maxRate" },
        { JobSpecs.Vgg16(numClasses: 1_000_000_000).ToJsonString(), "model.numClasses" },
        { JobSpecs.Vgg16(numClasses: int.MaxValue).ToJsonString(), "model.numClasses" },
        { JobSpecs.Vgg16(batchSize: 8192).ToJsonString(), "hyperparameters.batchSize" },
        { JobSpecs.Custom("""[{"type": "Flatten"}, {"type": "Linear", "out": 1000000}, {"type": "Linear", "out": 1000000}, {"type": "Linear", "out": 10}]""").ToJsonString(), "model.custom[2].out" },
        { JobSpecs.Custom("""[{"type": "Flatten"}, {"type": "Linear", "out": 2147483647}, {"type": "Linear", "out": 10}]""").ToJsonString(), "model.custom[1].out" },
        { JobSpecs.Custom("""[{"type": "Conv2d", "out": 1000000000, "kernel": 3}, {"type": "Flatten"}, {"type": "Linear", "out": 10}]""").ToJsonString(), "model.custom[0].out" },
        { JobSpecs.Custom("""[{"type": "Conv2d", "out": 6, "kernel": 2147483647}, {"type": "Flatten"}, {"type": "Linear", "out": 10}]""").ToJsonString(), "model.custom[0].kernel" },
        { JobSpecs.Custom("""[{"type": "Conv2d", "out": 6, "kernel": 3}, {"type": "LeakyReLU", "negativeSlope": "Infinity"}, {"type": "Flatten"}, {"type": "Linear", "out": 10}]""").ToJsonString(), "model.custom[1].negativeSlope" },
        { """{"name": "x", "model": {"name": "lenet5"}""", "$" },
        { "null", "$" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task Submitting_a_bad_spec_returns_400_problem_details_naming_the_field_and_stores_nothing(string body, string field)
    {
        var response = await api.CreateClient().PostAsync("/api/jobs", SubmittingJobsTests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var reasons), $"errors name {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(reasons[0].GetString()));
        Assert.Equal(0, await SubmittingJobsTests.CountStoredJobsAsync(api));
    }

    [Fact]
    public async Task Submitting_a_spec_with_several_bad_fields_names_every_one_of_them()
    {
        var spec = JobSpecs.With("hyperparameters", "epochs", 0);
        spec["hyperparameters"]!["batchSize"] = 0;
        spec["model"]!["name"] = "nope";

        var problem = await SubmittingJobsTests.ProblemAsync(await api.CreateClient().PostAsJsonAsync("/api/jobs", spec));

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "hyperparameters.epochs", "hyperparameters.batchSize", "model.name" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"errors name {field}");
        }
    }

    [Fact]
    public async Task A_network_too_large_to_train_is_refused_with_its_parameter_count_and_largest_layer_and_nothing_is_stored()
    {
        var before = await SubmittingJobsTests.CountStoredJobsAsync(api);
        var spec = JobSpecs.Custom("""[{"type": "Flatten"}, {"type": "Linear", "out": 1000000}, {"type": "Linear", "out": 1000000}, {"type": "Linear", "out": 10}]""");

        var response = await api.CreateClient().PostAsJsonAsync("/api/jobs", spec);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors").GetProperty("model.custom[2].out")[0].GetString();
        Assert.StartsWith("the network would have 1,000,796,000,010 parameters (limit 500,000,000); the largest is model.custom[2] (Linear 1000000→1000000",
            reason, StringComparison.Ordinal);
        Assert.Equal(before, await SubmittingJobsTests.CountStoredJobsAsync(api));
    }

    [Fact]
    public async Task A_named_infinity_is_refused_as_not_finite_with_the_range_the_field_accepts()
    {
        var response = await api.CreateClient().PostAsync("/api/jobs",
            SubmittingJobsTests.Json(JobSpecs.With("hyperparameters", "gradientClipNorm", "Infinity").ToJsonString()));

        var reason = (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors").GetProperty("hyperparameters.gradientClipNorm")[0].GetString();
        Assert.Equal("must be a finite number greater than 0 and at most 1000000.", reason);
    }

    [Fact]
    public async Task Submitting_a_job_as_form_data_returns_415()
    {
        var response = await api.CreateClient().PostAsync("/api/jobs", new FormUrlEncodedContent([new("name", "x")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await SubmittingJobsTests.CountStoredJobsAsync(api));
    }

    [Fact]
    public async Task A_job_spec_error_reason_says_what_is_wrong()
    {
        var problem = await SubmittingJobsTests.ProblemAsync(
            await api.CreateClient().PostAsJsonAsync("/api/jobs", JobSpecs.With("hyperparameters", "epochs", 0)));

        Assert.Contains("between 1 and", problem.GetProperty("errors").GetProperty("hyperparameters.epochs")[0].GetString());
        Assert.Contains("epochs", problem.GetRawText());
        _ = JsonNode.Parse(problem.GetRawText());
    }
}
