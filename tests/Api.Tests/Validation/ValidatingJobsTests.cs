using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests.Validation;

public sealed class ValidatingJobsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string TinyNetwork = """[{"type": "Flatten"}, {"type": "Linear", "out": 10}]""";

    [Fact]
    public async Task Validating_a_valid_spec_answers_its_defaults_its_input_and_its_summary_and_stores_nothing()
    {
        var spec = JobSpecs.Valid();
        spec.Remove("name");

        var response = await api.CreateClient().PostAsJsonAsync("/api/jobs/validate", spec);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var filled = answer.GetProperty("spec");
        Assert.Equal("lenet5 on mnist", filled.GetProperty("name").GetString());
        Assert.Equal(0.999, filled.GetProperty("hyperparameters").GetProperty("beta2").GetDouble());
        Assert.Equal("normal", filled.GetProperty("hyperparameters").GetProperty("priority").GetString());
        Assert.Equal("default", filled.GetProperty("model").GetProperty("init").GetString());
        var input = answer.GetProperty("input");
        Assert.Equal("1x28x28", input.GetProperty("imageShape").GetString());
        Assert.Equal("1x32x32", input.GetProperty("inputShape").GetString());
        Assert.Equal(10, input.GetProperty("classCount").GetInt32());
        var summary = answer.GetProperty("summary");
        Assert.Equal(61_706, summary.GetProperty("totalParams").GetInt64());
        Assert.Equal(61_706, summary.GetProperty("trainableParams").GetInt64());
        Assert.True(summary.GetProperty("totalMultAdds").GetInt64() > 0);
        Assert.Contains("Total params: 61,706", summary.GetProperty("text").GetString(), StringComparison.Ordinal);
        var memory = answer.GetProperty("trainingMemory");
        Assert.Equal(64, memory.GetProperty("batchSize").GetInt32());
        Assert.Equal(memory.GetProperty("parameterStateBytes").GetInt64() + memory.GetProperty("batchBytes").GetInt64(),
            memory.GetProperty("totalBytes").GetInt64(), tolerance: 1);
        Assert.Equal(0, await SubmittingJobsTests.CountStoredJobsAsync(api));
    }

    [Fact]
    public async Task The_input_shape_and_the_summary_follow_the_datasets_transforms()
    {
        var plain = JobSpecs.Custom(TinyNetwork);
        var resized = JobSpecs.Custom(TinyNetwork);
        resized["dataset"]!["transforms"] = JsonNode.Parse("""{"resize": [14, 14], "channels": 3}""");

        var atFull = await ValidAsync(plain);
        var atHalf = await ValidAsync(resized);

        Assert.Equal("1x28x28", atFull.GetProperty("input").GetProperty("inputShape").GetString());
        Assert.Equal(28 * 28 * 10 + 10, atFull.GetProperty("summary").GetProperty("totalParams").GetInt64());
        Assert.Equal("3x14x14", atHalf.GetProperty("input").GetProperty("inputShape").GetString());
        Assert.Equal(3 * 14 * 14 * 10 + 10, atHalf.GetProperty("summary").GetProperty("totalParams").GetInt64());
        Assert.Equal("custom", atHalf.GetProperty("spec").GetProperty("model").GetProperty("name").GetString());
    }

    public static TheoryData<string, string> BadSpecs() => new()
    {
        { JobSpecs.With("hyperparameters", "learningRate", 50).ToJsonString(), "hyperparameters.learningRate" },
        { JobSpecs.With("hyperparameters", "epoch", 3).ToJsonString(), "hyperparameters.epoch" },
        { JobSpecs.With("hyperparameters", "epochs", "three").ToJsonString(), "hyperparameters.epochs" },
        { JobSpecs.With("dataset", "trainLimit", 0).ToJsonString(), "dataset.trainLimit" },
        { JobSpecs.With("model", "name", "resnet9000").ToJsonString(), "model.name" },
        { JobSpecs.Vgg16(batchSize: 8192).ToJsonString(), "hyperparameters.batchSize" },
        { JobSpecs.Custom("""[{"type": "Flatten"}, {"type": "Linear", "out": 1000000}, {"type": "Linear", "out": 1000000}, {"type": "Linear", "out": 10}]""").ToJsonString(), "model.custom[2].out" },
        { JobSpecs.Custom("""[{"type": "Conv2d", "out": 6, "kernel": 50}, {"type": "Flatten"}, {"type": "Linear", "out": 10}]""").ToJsonString(), "model.custom[0]" },
        { "null", "$" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task A_bad_spec_is_refused_with_exactly_the_problem_submitting_it_gives(string body, string field)
    {
        var client = api.CreateClient();

        var validated = await client.PostAsync("/api/jobs/validate", SubmittingJobsTests.Json(body));
        var submitted = await client.PostAsync("/api/jobs", SubmittingJobsTests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, validated.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(validated);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}: {problem}");
        var submittedProblem = await SubmittingJobsTests.ProblemAsync(submitted);
        Assert.Equal(submittedProblem.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
        Assert.Equal(submittedProblem.GetProperty("errors").ToString(), problem.GetProperty("errors").ToString());
    }

    [Fact]
    public async Task The_spec_a_validation_answers_is_accepted_as_it_stands_and_a_stored_spec_validates_again()
    {
        var client = api.CreateClient();
        var spec = JobSpecs.Custom("""[{"type": "Conv2d", "out": 4, "kernel": 3}, {"type": "ReLU"}, {"type": "Flatten"}, {"type": "Linear", "out": 10}]""");
        spec["hyperparameters"]!["schedule"] = JsonNode.Parse("""{"kind": "step", "stepSize": 1}""");
        spec["hyperparameters"]!["earlyStopping"] = JsonNode.Parse("""{"metric": "validation_loss", "patience": 2}""");

        var filled = (await ValidAsync(spec)).GetProperty("spec");
        var created = await client.PostAsync("/api/jobs", SubmittingJobsTests.Json(filled.GetRawText()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("spec");
        var again = await ValidAsync(JsonNode.Parse(stored.GetRawText())!.AsObject());

        Assert.Equal(filled.GetRawText(), stored.GetRawText());
        Assert.Equal(stored.GetRawText(), again.GetProperty("spec").GetRawText());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        var response = await api.CreateClient().PostAsync("/api/jobs/validate", new StringContent("epochs=1"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    private async Task<JsonElement> ValidAsync(JsonObject spec)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/jobs/validate", spec);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
