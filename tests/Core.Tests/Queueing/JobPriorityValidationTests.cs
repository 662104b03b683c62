using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;

namespace TrainingService.Core.Tests.Queueing;

public sealed class JobPriorityValidationTests
{
    private static readonly ModelRegistry Models = ModelRegistry.CreateDefault();

    private readonly JobSpecValidator _validator = new(
        Models,
        DatasetRegistry.CreateDefault(new DatasetFileStore(Path.GetTempPath())),
        new NetworkPlanner(Models),
        new JobSpecLimits());

    private static JobSubmission With(string? priority) => new(
        "lenet",
        new ModelSubmission("lenet5", 10),
        new DatasetSubmission("mnist", 0.1, null, null, null),
        new HyperparametersSubmission(1, 64, 0.05, "sgd", 0.9, 0, 42) { Priority = priority });

    [Theory]
    [InlineData(null, "normal")]
    [InlineData("high", "high")]
    [InlineData("low", "low")]
    public void A_job_has_the_priority_it_asks_for_and_normal_by_default(string? asked, string expected)
    {
        Assert.Equal(expected, _validator.Validate(With(asked)).Spec!.Hyperparameters.Priority);
    }

    [Fact]
    public void An_unknown_priority_is_refused_naming_hyperparameters_priority()
    {
        var result = _validator.Validate(With("urgent"));

        Assert.False(result.IsValid);
        Assert.Equal(["hyperparameters.priority"], result.Errors.Keys);
    }
}
