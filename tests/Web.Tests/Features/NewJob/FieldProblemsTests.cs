using System.Text.Json.Nodes;
using TrainingService.Web.Features.NewJob;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Tests.Features.NewJob;

public sealed class FieldProblemsTests
{
    private static readonly SpecDraft CustomDraft = SpecDraft.From(JsonNode.Parse("""
        {"model": {"custom": [{"type": "Conv2d", "out": 4, "kernel": 3}, {"type": "Flatten"}, {"type": "Linear", "out": 10}]},
         "dataset": {"name": "mnist", "transforms": {"normalize": "custom", "mean": [0.5], "std": [0.2]}},
         "hyperparameters": {"epochs": 1, "batchSize": 64, "learningRate": 0.05, "optimizer": "adam", "schedule": {"kind": "step"}}}
        """)!.AsObject());

    [Theory]
    [InlineData("hyperparameters.learningRate", "hyperparameters.learningRate", "too large")]
    [InlineData("model.custom[2].out", "model.custom[2].out", "too large")]
    [InlineData("model.custom[1]", "model.custom[1]", "too large")]
    [InlineData("model.custom[1].out", "model.custom[1]", "out: too large")]
    [InlineData("dataset.transforms.mean[0]", "dataset.transforms.mean", "[0]: too large")]
    [InlineData("dataset.trainLimit", "dataset.trainLimit", "too large")]
    [InlineData("hyperparameters.beta1", "hyperparameters.beta1", "too large")]
    [InlineData("hyperparameters.schedule.stepSize", "hyperparameters.schedule.stepSize", "too large")]
    [InlineData("model", "model", "too large")]
    [InlineData("model.numClasses", "model.numClasses", "too large")]
    [InlineData("dataset.transforms.resizes", "dataset", "transforms.resizes: too large")]
    public void A_problem_goes_to_the_input_of_its_field_or_of_the_nearest_field_that_holds_it(string key, string input, string shown)
    {
        var problems = Place(key);

        Assert.Equal([shown], problems.For(input));
        Assert.Empty(problems.Unplaced);
    }

    [Theory]
    [InlineData("$")]
    [InlineData("hyperparameters")]
    [InlineData("hyperparameters.epoch")]
    [InlineData("hyperparameters.momentum")]
    [InlineData("names")]
    public void A_problem_no_input_holds_is_listed_with_its_field(string key)
    {
        var problems = Place(key);

        Assert.Equal([$"{key}: too large"], problems.Unplaced);
    }

    [Fact]
    public void The_inputs_follow_the_draft_the_optimizer_the_schedule_and_the_rows()
    {
        var paths = NewJobFields.Paths(CustomDraft);

        Assert.Contains("hyperparameters.beta2", paths);
        Assert.DoesNotContain("hyperparameters.nesterov", paths);
        Assert.Contains("hyperparameters.schedule.gamma", paths);
        Assert.DoesNotContain("hyperparameters.schedule.milestones", paths);
        Assert.Contains("model.custom[0].dilation", paths);
        Assert.DoesNotContain("model.custom[1].out", paths);
        Assert.DoesNotContain("model.custom[3]", paths);
        Assert.Contains("dataset.transforms.std", paths);
    }

    private static FieldProblems Place(string key) =>
        FieldProblems.Place(new Dictionary<string, string[]> { [key] = ["too large"] }, NewJobFields.Paths(CustomDraft));
}
