using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests;

public sealed class ModelsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string WorkedExampleLayers = """
        [{"type": "Conv2d", "out": 6, "kernel": 5}, {"type": "Tanh"}, {"type": "AvgPool2d", "kernel": 2, "stride": 2},
         {"type": "Conv2d", "out": 16, "kernel": 5}, {"type": "Tanh"}, {"type": "AvgPool2d", "kernel": 2, "stride": 2},
         {"type": "Flatten"}, {"type": "Linear", "out": 120}, {"type": "Tanh"}, {"type": "Linear", "out": 84}]
        """;

    [Fact]
    public async Task The_model_list_names_every_zoo_entry_with_its_size_at_its_default_input()
    {
        var models = await api.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/models");

        Assert.True(models!.Length >= 25);
        var lenet = models.Single(m => m.GetProperty("name").GetString() == "lenet5");
        Assert.Equal(61_706, lenet.GetProperty("parameters").GetInt64());
        Assert.Equal("1x32x32", lenet.GetProperty("defaultInputShape").GetString());
        Assert.Equal(11_689_512, models.Single(m => m.GetProperty("name").GetString() == "resnet18").GetProperty("parameters").GetInt64());
    }

    [Fact]
    public async Task The_summary_of_the_worked_custom_lenet_matches_torchinfo_to_the_line()
    {
        var request = new JsonObject { ["layers"] = JsonNode.Parse(WorkedExampleLayers), ["inputShape"] = "1x32x32", ["batch"] = 10 };

        var summary = await (await api.CreateClient().PostAsJsonAsync("/api/models/summary", request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(60_856, summary.GetProperty("totalParams").GetInt64());
        Assert.Equal(4.22, Math.Round(summary.GetProperty("totalMultAdds").GetInt64() / 1e6, 2));
        Assert.Equal(0.04, summary.GetProperty("inputSizeMb").GetDouble());
        Assert.Equal(0.52, summary.GetProperty("forwardBackwardPassSizeMb").GetDouble());
        Assert.Equal(0.24, summary.GetProperty("paramsSizeMb").GetDouble());
        Assert.Equal(0.81, summary.GetProperty("estimatedTotalSizeMb").GetDouble());
        var conv2 = summary.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "3");
        Assert.Equal([10, 16, 10, 10], conv2.GetProperty("outputShape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(2_416, conv2.GetProperty("parameters").GetInt64());
    }

    [Theory]
    [InlineData("\"1x32x32\"")]
    [InlineData("[1, 32, 32]")]
    [InlineData("\" 1 x 32 x 32 \"")]
    public async Task A_custom_summary_takes_the_input_shape_as_CxHxW_or_as_an_array_of_three_sizes(string inputShape)
    {
        var request = JsonNode.Parse($$"""{"layers": {{WorkedExampleLayers}}, "inputShape": {{inputShape}}, "batch": 10}""");

        var response = await api.CreateClient().PostAsJsonAsync("/api/models/summary", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1x32x32", summary.GetProperty("inputShape").GetString());
        Assert.Equal(60_856, summary.GetProperty("totalParams").GetInt64());
    }

    public static TheoryData<string, string, string> UnboundSummaryBodies() => new()
    {
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32, 32, 3]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, -32, 32]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [0, 32, 32]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32, 5000]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32.5, 32]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, null, 32]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": ["1", "32", "32"]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [[1, 32, 32]]}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": {"channels": 1, "height": 32, "width": 32}}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": 32}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": "1x32"}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": "1x-32x32"}""", "inputShape", "must be \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": null}""", "inputShape", "is required, as \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}]}""", "inputShape", "is required, as \"CxHxW\" or [C, H, W]" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32, 32], "batch": "ten"}""", "batch", "must be a whole number between 1 and 4096." },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32, 32], "batch": 1.5}""", "batch", "must be a whole number between 1 and 4096." },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32, 32], "batch": -1}""", "batch", "must be between 1 and 4096." },
        { """{"layers": {"type": "Flatten"}, "inputShape": [1, 32, 32]}""", "layers", "must be an array of layers" },
        { """{"layers": null, "inputShape": [1, 32, 32]}""", "layers", "is required" },
        { """{"layers": [5], "inputShape": [1, 32, 32]}""", "layers[0]", "must be a layer object" },
        { """{"layers": [{"type": "Linear", "out": "ten"}], "inputShape": [1, 32, 32]}""", "layers[0].out", "must be a whole number." },
        { """{"layers": [{"type": "Linear", "bias": "no"}], "inputShape": [1, 32, 32]}""", "layers[0].bias", "must be true or false." },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32, 32], "colour": true}""", "colour", "is not a known field." },
        { """[1, 32, 32]""", "$", "must be an object such as" },
        { """null""", "$", "must be an object such as" },
        { """{"layers": [{"type": "Flatten"}], "inputShape": [1, 32, 32]""", "$", "is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(UnboundSummaryBodies))]
    public async Task A_custom_summary_body_that_does_not_fit_returns_400_naming_the_field_and_the_form_it_takes(string body, string field, string reason)
    {
        var response = await api.CreateClient().PostAsync("/api/models/summary", SubmittingJobsTests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var reasons), $"errors name {field}: {errors}");
        Assert.Contains(reason, reasons[0].GetString());
    }

    [Theory]
    [InlineData("3x224x224")]
    [InlineData("[3, 224, 224]")]
    public async Task A_zoo_summary_takes_the_input_shape_in_either_form(string inputShape)
    {
        var summary = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/models/alexnet/summary?inputShape={Uri.EscapeDataString(inputShape)}");

        Assert.Equal("3x224x224", summary.GetProperty("inputShape").GetString());
    }

    [Fact]
    public async Task A_zoo_summary_on_an_input_the_network_cannot_take_returns_400_naming_the_layer()
    {
        var response = await api.CreateClient().GetAsync("/api/models/alexnet/summary?inputShape=3x28x28");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors").GetProperty("inputShape")[0].GetString();
        Assert.Contains("becomes", reason);
        Assert.Contains("expects 3x224x224", reason);
    }

    [Fact]
    public async Task An_unknown_model_returns_404()
    {
        var response = await api.CreateClient().GetAsync("/api/models/resnet9000/summary");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await SubmittingJobsTests.ProblemAsync(response);
    }

    [Fact]
    public async Task A_bad_custom_layer_in_a_summary_request_is_named_by_index()
    {
        var request = JsonNode.Parse("""{"layers": [{"type": "Conv2d", "out": 4}], "inputShape": "1x8x8"}""");

        var problem = await SubmittingJobsTests.ProblemAsync(await api.CreateClient().PostAsJsonAsync("/api/models/summary", request));

        Assert.True(problem.GetProperty("errors").TryGetProperty("layers[0].kernel", out _), problem.ToString());
    }

    [Fact]
    public async Task The_pytorch_source_of_a_zoo_entry_compiles()
    {
        var response = await api.CreateClient().GetAsync("/api/models/resnet18/pytorch");
        var source = await response.Content.ReadAsStringAsync();
        var file = Path.Combine(Path.GetTempPath(), $"resnet18-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, source);

        using var python = Process.Start(new ProcessStartInfo("python3", ["-m", "py_compile", file]) { RedirectStandardError = true })!;
        await python.WaitForExitAsync();

        Assert.Equal("text/x-python", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, python.ExitCode);
        Assert.Contains("import torch", source);
        Assert.Contains("self.layer4 = ", source);
        File.Delete(file);
    }

    [Fact]
    public async Task A_job_whose_dataset_cannot_flow_through_its_network_is_refused_with_the_layer_and_the_fix()
    {
        var problem = await SubmittingJobsTests.ProblemAsync(
            await api.CreateClient().PostAsJsonAsync("/api/jobs", JobSpecs.With("model", "name", "alexnet")));

        var reason = problem.GetProperty("errors").GetProperty("model.name")[0].GetString();
        Assert.Contains("set dataset.transforms.resize and channels", reason);
        Assert.Equal(0, await SubmittingJobsTests.CountStoredJobsAsync(api));
    }
}
