using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Tests.Features.Sweeps;

public sealed class FieldProblemsTests
{
    private static readonly string[] Fields =
        ["base", "parameters", "parameters.hyperparameters.learningRate", "parameters.hyperparameters.learningRateWarmup", "maxTrials", "earlyStopping", "earlyStopping.gracePeriod"];

    [Fact]
    public void Each_problem_goes_to_the_longest_field_its_key_lies_under_and_says_the_rest_of_its_key()
    {
        var problems = FieldProblems.Place(new Dictionary<string, string[]>
        {
            ["parameters.hyperparameters.learningRate.min"] = ["must be greater than 0 for loguniform."],
            ["parameters.hyperparameters.learningRate.values[2]"] = ["makes an invalid job: learningRate must be at most 10."],
            ["parameters.hyperparameters.learningRateWarmup"] = ["is not a field the job submission accepts."],
            ["base.hyperparameters.epochs"] = ["is required."],
            ["parameters"] = ["at most 10 parameters."],
            ["maxTrials"] = ["must be between 1 and 256."],
            ["earlyStopping.gracePeriod"] = ["must be less than the epochs (4)."],
            ["earlyStopping.kind"] = ["must be asha."],
        }, Fields.ToHashSet(StringComparer.Ordinal));

        Assert.Equal(
            ["min: must be greater than 0 for loguniform.", "values[2]: makes an invalid job: learningRate must be at most 10."],
            problems.For("parameters.hyperparameters.learningRate"));
        Assert.Equal(["is not a field the job submission accepts."], problems.For("parameters.hyperparameters.learningRateWarmup"));
        Assert.Equal(["hyperparameters.epochs: is required."], problems.For("base"));
        Assert.Equal(["at most 10 parameters."], problems.For("parameters"));
        Assert.Equal(["must be between 1 and 256."], problems.For("maxTrials"));
        Assert.Equal(["must be less than the epochs (4)."], problems.For("earlyStopping.gracePeriod"));
        Assert.Equal(["kind: must be asha."], problems.For("earlyStopping"));
        Assert.Empty(problems.Unplaced);
    }

    [Fact]
    public void A_key_no_field_claims_is_kept_with_its_whole_key()
    {
        var problems = FieldProblems.Place(new Dictionary<string, string[]>
        {
            ["maxConcurrent"] = ["may not exceed your key's limit of 2 active jobs."],
            ["maxTrialsPerHour"] = ["is not a known field."],
        }, Fields.ToHashSet(StringComparer.Ordinal));

        Assert.Equal(["maxConcurrent: may not exceed your key's limit of 2 active jobs.", "maxTrialsPerHour: is not a known field."], problems.Unplaced);
        Assert.Empty(problems.For("maxTrials"));
    }
}
