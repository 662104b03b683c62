using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;

namespace TrainingService.Core.Tests.Jobs;

public sealed class JobSpecValidatorTests
{
    private static readonly ModelRegistry Models = ModelRegistry.CreateDefault();

    private readonly JobSpecValidator _validator = new(
        Models,
        DatasetRegistry.CreateDefault(new DatasetFileStore(Path.GetTempPath())),
        new NetworkPlanner(Models),
        new JobSpecLimits());

    private static JobSubmission Valid() => new(
        "lenet",
        new ModelSubmission("lenet5", 10),
        new DatasetSubmission("mnist", 0.1, null, null, null),
        new HyperparametersSubmission(1, 64, 0.05, "sgd", 0.9, 0, 42));

    [Fact]
    public void A_complete_submission_becomes_the_spec_it_describes()
    {
        var result = _validator.Validate(Valid());

        Assert.True(result.IsValid);
        Assert.Equal(new TrainingJobSpec("lenet", new ModelSpec("lenet5", 10), new DatasetSpec("mnist", 0.1),
            new Hyperparameters(1, 64, 0.05, "sgd", 0.9, 0, 42)), result.Spec);
    }

    [Fact]
    public void Left_out_optional_fields_take_their_defaults_and_num_classes_follows_the_dataset()
    {
        var submission = new JobSubmission(null, new ModelSubmission("LeNet5", null), new DatasetSubmission("MNIST", null, null, null, null),
            new HyperparametersSubmission(2, 32, 0.01, null, null, null, null));

        var spec = _validator.Validate(submission).Spec!;

        Assert.Equal("lenet5 on mnist", spec.Name);
        Assert.Equal(new ModelSpec("lenet5", 10), spec.Model);
        Assert.Equal(0.1, spec.Dataset.ValidationFraction);
        Assert.Equal(new Hyperparameters(2, 32, 0.01, "sgd", 0, 0, 42), spec.Hyperparameters);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("two\nlines")]
    [InlineData("bell\u0007")]
    public void A_name_with_control_characters_is_refused_naming_name(string name)
    {
        var result = _validator.Validate(Valid() with { Name = name });

        Assert.False(result.IsValid);
        Assert.Equal(["name"], result.Errors.Keys);
        Assert.Contains("control characters", result.Errors["name"][0]);
    }

    [Fact]
    public void A_resolved_spec_carries_the_network_it_plans_and_the_dataset_it_reads()
    {
        var result = _validator.Validate(Valid());

        Assert.Equal("lenet5", result.Resolution!.Network.Name);
        Assert.Equal("mnist", result.Resolution.Dataset.Name);
        Assert.Null(result.Resolution.Normalization);
    }

    [Fact]
    public void Submitting_a_job_with_zero_epochs_is_refused_naming_hyperparameters_epochs()
    {
        var result = _validator.Validate(Valid() with { Hyperparameters = Valid().Hyperparameters! with { Epochs = 0 } });

        Assert.False(result.IsValid);
        Assert.Equal(["hyperparameters.epochs"], result.Errors.Keys);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var submission = new JobSubmission(new string('x', 201), new ModelSubmission("nope", 1),
            new DatasetSubmission("cifar-1000", 1.5, 0, -1, 0), new HyperparametersSubmission(null, -1, 0, "lbfgs", 1, -1, -5));

        var errors = _validator.Validate(submission).Errors;

        Assert.Equal(new[]
        {
            "dataset.name", "dataset.validationFraction", "dataset.trainLimit", "dataset.validationLimit", "dataset.testLimit",
            "model.name", "model.numClasses", "hyperparameters.epochs", "hyperparameters.batchSize", "hyperparameters.learningRate",
            "hyperparameters.optimizer", "hyperparameters.momentum", "hyperparameters.weightDecay", "hyperparameters.seed", "name",
        }.Order(), errors.Keys.Order());
    }

    [Fact]
    public void A_missing_section_is_named_as_required()
    {
        var errors = _validator.Validate(new JobSubmission("x", null, null, null)).Errors;

        Assert.Equal(["dataset", "hyperparameters", "model"], errors.Keys.Order());
        Assert.All(errors.Values, reasons => Assert.Equal("is required.", reasons.Single()));
    }

    [Fact]
    public void Fewer_classes_than_the_dataset_has_are_refused()
    {
        var result = _validator.Validate(Valid() with { Model = new ModelSubmission("lenet5", 5) });

        Assert.Contains("at least 10", result.Errors["model.numClasses"].Single());
    }
}
