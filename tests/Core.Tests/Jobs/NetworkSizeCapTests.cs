using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Synthetic;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Custom;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Tests.Jobs;

/// <summary>
/// A network whose parameters or estimated training memory exceed the limits is refused at submission,
/// from its summary alone, naming the field to change and the layer that costs most.
/// </summary>
public sealed class NetworkSizeCapTests
{
    private static readonly ModelRegistry Models = ModelRegistry.CreateDefault();

    private static JobSpecValidator Validator(JobSpecLimits? limits = null) => new(Models,
        DatasetRegistry.CreateDefault(new DatasetFileStore(Path.GetTempPath())), new NetworkPlanner(Models), limits ?? new JobSpecLimits());

    private static readonly InputTransformsSpec ImageNetSized = new([224, 224], 3);

    private static JobSubmission Job(ModelSubmission model, InputTransformsSpec? transforms = null, int batchSize = 32, string optimizer = "sgd") => new(
        "size", model, new DatasetSubmission("mnist", 0.1, null, null, null, transforms),
        new HyperparametersSubmission(1, batchSize, 0.01, optimizer, optimizer == "sgd" ? 0.9 : null, null, null));

    private static JobSubmission Custom(params CustomLayerSpec[] layers) => Job(new ModelSubmission(null, null, layers));

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    [Fact]
    public void Vgg16_with_a_billion_classes_is_refused_naming_num_classes_and_its_classifier_layer()
    {
        var errors = Validator().Validate(Job(new ModelSubmission("vgg16", 1_000_000_000), ImageNetSized)).Errors;

        var reason = Assert.Single(errors["model.numClasses"]);
        Assert.Equal(["model.numClasses"], errors.Keys);
        Assert.StartsWith("the network would have 4,097,134,260,544 parameters (limit 500,000,000); ", reason, StringComparison.Ordinal);
        Assert.Contains("parameters (limit 500,000,000); the largest is classifier.6 (Linear 4096→1000000000, 4,097,000,000,000 parameters",
            reason, StringComparison.Ordinal);
        Assert.EndsWith("Lower model.numClasses.", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Vgg16_with_the_most_classes_an_int_can_hold_is_a_field_error_not_an_overflow()
    {
        var errors = Validator().Validate(Job(new ModelSubmission("vgg16", int.MaxValue), ImageNetSized)).Errors;

        Assert.Contains("Linear 4096→2147483647", Assert.Single(errors["model.numClasses"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_linear_layers_of_a_million_outputs_are_refused_naming_the_larger_layer_and_its_out()
    {
        var errors = Validator().Validate(Custom(new("Flatten"), new("Linear", 1_000_000), new("Linear", 1_000_000), new("Linear", 10))).Errors;

        var reason = Assert.Single(errors["model.custom[2].out"]);
        Assert.Equal(["model.custom[2].out"], errors.Keys);
        // 784 x 1e6 + 1e6, then 1e6 x 1e6 + 1e6, then 1e6 x 10 + 10.
        Assert.StartsWith("the network would have 1,000,796,000,010 parameters (limit 500,000,000); "
            + "the largest is model.custom[2] (Linear 1000000→1000000, 1,000,001,000,000 parameters", reason, StringComparison.Ordinal);
        Assert.EndsWith("Make the layer smaller.", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linear_layer_as_wide_as_an_int_is_refused_by_the_parameter_cap()
    {
        var errors = Validator().Validate(Custom(new("Flatten"), new("Linear", int.MaxValue), new("Linear", 10))).Errors;

        Assert.Contains("(Linear 784→2147483647", Assert.Single(errors["model.custom[1].out"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_convolution_of_a_billion_channels_is_refused_for_the_values_it_would_output_per_image()
    {
        var errors = Validator().Validate(Custom(new("Conv2d", 1_000_000_000, 3), new("Flatten"), new("Linear", 10))).Errors;

        var reason = Assert.Single(errors["model.custom[0].out"]);
        Assert.Equal("would output 676,000,000,000 values per image (1000000000 x 26 x 26), more than 2,147,483,647; make the layer smaller.", reason);
    }

    [Fact]
    public void A_convolution_of_a_billion_channels_on_one_pixel_is_refused_by_the_parameter_cap()
    {
        var errors = Validator().Validate(Custom(new("Conv2d", 1_000_000_000, 28), new("Flatten"), new("Linear", 10))).Errors;

        Assert.Contains("(Conv2d 1→1000000000, kernel 28, 785,000,000,000 parameters", Assert.Single(errors["model.custom[0].out"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_refuses_to_flatten_more_values_than_a_dimension_holds_instead_of_wrapping_the_count()
    {
        var network = new NetworkSpec("wide", new SequentialSpec(new Conv2dSpec(1, 3_000_000, 1), new FlattenSpec()), new InputShape(1, 28, 28));

        var exception = Assert.Throws<ShapeMismatchException>(() => ModelSummarizer.Summarize(network, 1));

        Assert.Contains("would produce a dimension of 2,352,000,000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resizing_to_a_hundred_thousand_pixels_a_side_is_refused_before_any_shape_is_computed()
    {
        var errors = Validator().Validate(Job(new ModelSubmission("vgg16", null), new InputTransformsSpec([100_000, 100_000], 3))).Errors;

        Assert.Equal(["dataset.transforms.resize"], errors.Keys);
    }

    [Fact]
    public void Vgg16_at_a_batch_too_large_for_the_memory_limit_is_refused_naming_the_batch_size_that_fits()
    {
        var errors = Validator().Validate(Job(new ModelSubmission("vgg16", null), ImageNetSized, batchSize: 1024)).Errors;

        var reason = Assert.Single(errors["hyperparameters.batchSize"]);
        Assert.Equal(["hyperparameters.batchSize"], errors.Keys);
        Assert.StartsWith("training would need about 113.", reason, StringComparison.Ordinal);
        Assert.Contains("1 optimizer state tensor(s) per parameter", reason, StringComparison.Ordinal);
        Assert.Contains("more than the limit of 34.4 GB; a batch size of at most ", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_batch_size_the_reason_offers_is_accepted()
    {
        var refused = Validator().Validate(Job(new ModelSubmission("vgg16", null), ImageNetSized, batchSize: 1024)).Errors["hyperparameters.batchSize"].Single();
        var offered = int.Parse(refused[(refused.LastIndexOf("at most ", StringComparison.Ordinal) + 8)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(Validator().Validate(Job(new ModelSubmission("vgg16", null), ImageNetSized, batchSize: offered)).IsValid);
        Assert.False(Validator().Validate(Job(new ModelSubmission("vgg16", null), ImageNetSized, batchSize: offered + 1)).IsValid);
    }

    [Fact]
    public void Adam_keeps_two_state_tensors_per_parameter_so_it_fits_a_smaller_batch_than_sgd_without_momentum()
    {
        var limits = new JobSpecLimits { MaxTrainingMemoryBytes = 4L << 30 };
        var adam = Validator(limits).Validate(Job(new ModelSubmission("vgg16", null), ImageNetSized, 1024, "adam")).Errors["hyperparameters.batchSize"].Single();
        var sgd = Validator(limits).Validate(Job(new ModelSubmission("vgg16", null), ImageNetSized, 1024, "rmsprop")).Errors["hyperparameters.batchSize"].Single();

        Assert.Contains("2 optimizer state tensor(s)", adam, StringComparison.Ordinal);
        Assert.Contains("1 optimizer state tensor(s)", sgd, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_that_does_not_fit_the_memory_limit_even_at_batch_size_one_is_refused_naming_the_model()
    {
        var errors = Validator(new JobSpecLimits { MaxTrainingMemoryBytes = 100_000 }).Validate(Job(new ModelSubmission("lenet5", null), batchSize: 1)).Errors;

        var reason = Assert.Single(errors["model"]);
        Assert.Contains("even at batch size 1; the largest layer is", reason, StringComparison.Ordinal);
        Assert.Contains("(Linear 400→120, 48,120 parameters", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parameter_limit_comes_from_the_limits_it_is_given()
    {
        var errors = Validator(new JobSpecLimits { MaxParameters = 60_000 }).Validate(Job(new ModelSubmission("lenet5", null))).Errors;

        Assert.StartsWith("the network would have 61,706 parameters (limit 60,000)", Assert.Single(errors["model"]), StringComparison.Ordinal);
    }

    public static TheoryData<string> RegistryModels() => [.. Models.Names];

    [Theory]
    [MemberData(nameof(RegistryModels))]
    public void Every_registry_model_with_its_default_input_and_classes_fits_the_default_caps_at_a_batch_of_64_with_adam(string name)
    {
        var definition = Models.Get(name);
        var input = definition.DefaultInput;
        var submission = new JobSubmission(name, new ModelSubmission(name, definition.DefaultClasses),
            new DatasetSubmission("synthetic", 0.1, null, null, null,
                Synthetic: new SyntheticDatasetSpec(input.Channels, input.Height, input.Width, definition.DefaultClasses, TrainSize: 100, TestSize: 20)),
            new HyperparametersSubmission(1, 64, 0.001, "adam", null, null, null));

        var result = Validator().Validate(submission);

        Assert.True(result.IsValid, Describe(result.Errors));
    }
}
