using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Sweeps;

namespace TrainingService.Web.Tests.Features.Sweeps;

public sealed class SweepFormTests
{
    [Fact]
    public void The_form_maps_to_the_submission_the_api_takes_with_every_row_by_its_path()
    {
        var form = new SweepForm { Name = "  lr × optimizer  ", Method = SweepForm.Random, Seed = 11, MaxTrials = 8, MaxConcurrent = 3, Asha = true };
        form.SetMetric("validation_loss");
        form.Rows.Add(new SweepParameterRow { Path = "hyperparameters.learningRate", Kind = SearchKind.LogUniform, Min = 0.001, Max = 0.1 });
        form.Rows.Add(new SweepParameterRow { Path = " hyperparameters.optimizer ", ValuesText = "sgd, \"adam\" ,adamw" });
        form.Rows.Add(new SweepParameterRow { Path = "hyperparameters.batchSize", Kind = SearchKind.Int, Min = 16, Max = 64 });

        var built = form.Build();

        var json = JsonDocument.Parse(SubmissionJson.Serialize(built.Submission)).RootElement;
        Assert.Empty(built.Errors);
        Assert.Equal("lr × optimizer", json.GetProperty("name").GetString());
        Assert.Equal("lenet5", json.GetProperty("base").GetProperty("model").GetProperty("name").GetString());
        var parameters = json.GetProperty("parameters");
        Assert.Equal(["hyperparameters.learningRate", "hyperparameters.optimizer", "hyperparameters.batchSize"], parameters.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"distribution":"loguniform","min":0.001,"max":0.1}""", Compact(parameters.GetProperty("hyperparameters.learningRate")));
        Assert.Equal("""{"values":["sgd","adam","adamw"]}""", Compact(parameters.GetProperty("hyperparameters.optimizer")));
        Assert.Equal("""{"distribution":"int","min":16,"max":64}""", Compact(parameters.GetProperty("hyperparameters.batchSize")));
        Assert.Equal("random", json.GetProperty("method").GetString());
        Assert.Equal(11, json.GetProperty("seed").GetInt64());
        Assert.Equal(8, json.GetProperty("maxTrials").GetInt32());
        Assert.Equal(3, json.GetProperty("maxConcurrent").GetInt32());
        Assert.Equal("validation_loss", json.GetProperty("metric").GetString());
        Assert.Equal("min", json.GetProperty("mode").GetString());
        Assert.Equal("""{"kind":"asha","gracePeriod":1,"reductionFactor":4}""", Compact(json.GetProperty("earlyStopping")));
    }

    [Fact]
    public void Without_asha_and_with_defaults_left_empty_nothing_but_what_was_given_is_sent()
    {
        var form = SweepForm.Blank();
        form.MaxConcurrent = null;

        var json = JsonDocument.Parse(SubmissionJson.Serialize(form.Build().Submission)).RootElement;

        Assert.False(json.TryGetProperty("earlyStopping", out _));
        Assert.False(json.TryGetProperty("maxTrials", out _));
        Assert.False(json.TryGetProperty("maxConcurrent", out _));
        Assert.False(json.TryGetProperty("name", out _));
        Assert.Equal([0.005, 0.05, 0.5], json.GetProperty("parameters").GetProperty("hyperparameters.learningRate").GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void The_grid_size_is_the_product_of_the_values_lists_and_int_ranges()
    {
        var form = new SweepForm();
        form.Rows.Add(new SweepParameterRow { Path = "hyperparameters.learningRate", ValuesText = "0.001, 0.01, 0.1" });
        form.Rows.Add(new SweepParameterRow { Path = "hyperparameters.batchSize", Kind = SearchKind.Int, Min = 1, Max = 4 });

        Assert.Equal(12, form.GridSize());
        Assert.Equal("Grid of 3 × 4 = 12 trials.", form.SizeDescription());

        form.MaxTrials = 5;
        Assert.Equal("Grid of 3 × 4 = 12 trials; the first 5 trials run.", form.SizeDescription());

        form.Rows[1].Kind = SearchKind.Uniform;
        Assert.Null(form.GridSize());
        Assert.StartsWith("A grid takes only values lists and int ranges", form.SizeDescription(), StringComparison.Ordinal);

        form.Method = SweepForm.Random;
        Assert.Equal("Random search: 5 trials.", form.SizeDescription());
    }

    [Fact]
    public void A_base_that_is_not_json_and_a_path_given_twice_are_named_before_anything_is_sent()
    {
        var form = new SweepForm { BaseJson = "{ \"model\": " };
        form.Rows.Add(new SweepParameterRow { Path = "hyperparameters.seed", ValuesText = "1, 2" });
        form.Rows.Add(new SweepParameterRow { Path = "hyperparameters.seed", ValuesText = "3" });
        form.Rows.Add(new SweepParameterRow { Path = "" });

        var built = form.Build();

        Assert.Null(built.Submission);
        Assert.StartsWith("is not valid JSON", Assert.Single(built.Errors["base"]), StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Single(built.Errors["parameters.hyperparameters.seed"]), StringComparison.Ordinal);
        Assert.Contains("needs a path", Assert.Single(built.Errors["parameters"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_becomes_the_base_with_its_metric_and_a_learning_rate_row_around_its_own()
    {
        var job = JsonSerializer.Deserialize<JobDto>(TestSupport.Samples.Job(TestSupport.Samples.JobId, name: "lenet-mnist"), ApiJson.Options)!;

        var form = SweepForm.FromJob(job);

        Assert.Equal("lenet-mnist sweep", form.Name);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(job.Spec.GetRawText()), JsonNode.Parse(form.BaseJson)));
        Assert.Equal(64, form.ParsedBase()!.Value.GetProperty("hyperparameters").GetProperty("batchSize").GetInt32());
        Assert.Equal("0.005, 0.05, 0.5", Assert.Single(form.Rows).ValuesText);
        Assert.Equal("validation_accuracy", form.Metric);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
