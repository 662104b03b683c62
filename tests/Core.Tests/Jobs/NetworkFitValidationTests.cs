using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Custom;

namespace TrainingService.Core.Tests.Jobs;

public sealed class NetworkFitValidationTests
{
    private static readonly ModelRegistry Models = ModelRegistry.CreateDefault();

    private readonly JobSpecValidator _validator = new(Models, DatasetRegistry.CreateDefault(new DatasetFileStore(Path.GetTempPath())),
        new NetworkPlanner(Models), new JobSpecLimits());

    private static JobSubmission Job(ModelSubmission model, InputTransformsSpec? transforms = null) => new(
        "fit", model, new DatasetSubmission("mnist", 0.1, null, null, null, transforms), new HyperparametersSubmission(1, 8, 0.01, null, null, null, null));

    private static CustomLayerSpec L(string type, int? @out = null, int? kernel = null, int? stride = null) => new(type, @out, kernel, stride);

    [Fact]
    public void AlexNet_on_mnist_digits_is_refused_naming_the_layer_where_the_shape_breaks_and_what_it_expects()
    {
        var errors = _validator.Validate(Job(new ModelSubmission("alexnet", null))).Errors;

        var reason = errors["model.name"].Single();
        Assert.StartsWith("alexnet: ", reason, StringComparison.Ordinal);
        Assert.Contains("the network expects 3x224x224 (set dataset.transforms.resize and channels)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AlexNet_on_mnist_is_accepted_once_the_digits_are_resized_and_given_three_channels()
    {
        var result = _validator.Validate(Job(new ModelSubmission("alexnet", null), new InputTransformsSpec([224, 224], 3)));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Equal(10, result.Spec!.Model.NumClasses);
    }

    [Fact]
    public void A_custom_lenet_is_accepted_and_its_class_count_is_its_last_layers_width()
    {
        var layers = new[] { L("Conv2d", 6, 5), L("Tanh"), L("AvgPool2d", kernel: 2), L("Conv2d", 16, 5), L("Tanh"), L("AvgPool2d", kernel: 2),
            L("Flatten"), L("Linear", 120), L("Tanh"), L("Linear", 84), L("Tanh"), L("Linear", 10) };

        var result = _validator.Validate(Job(new ModelSubmission(null, null, layers)));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Equal(new ModelSpec("custom", 10, layers), result.Spec!.Model);
    }

    [Theory]
    [InlineData("kernel", "model.custom[0].kernel")]
    [InlineData("type", "model.custom[1].type")]
    [InlineData("flatten", "model.custom[2]")]
    [InlineData("unused", "model.custom[1].kernel")]
    [InlineData("classes", "model.custom")]
    public void A_bad_custom_layer_list_is_refused_naming_the_index_and_field(string problem, string field)
    {
        CustomLayerSpec[] layers = problem switch
        {
            "kernel" => [L("Conv2d", 6), L("Flatten"), L("Linear", 10)],
            "type" => [L("Conv2d", 6, 5), L("Conv3d", 6, 5), L("Flatten"), L("Linear", 10)],
            "flatten" => [L("Conv2d", 6, 5), L("ReLU"), L("Linear", 10)],
            "unused" => [L("Conv2d", 6, 5), L("ReLU", kernel: 3), L("Flatten"), L("Linear", 10)],
            _ => [L("Conv2d", 6, 5), L("Flatten"), L("Linear", 4)],
        };

        var errors = _validator.Validate(Job(new ModelSubmission(null, null, layers))).Errors;

        Assert.True(errors.ContainsKey(field), string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    [Fact]
    public void A_custom_network_whose_pooling_empties_the_image_is_refused_with_the_sizes()
    {
        var layers = new[] { L("Conv2d", 8, 5), L("MaxPool2d", kernel: 2), L("MaxPool2d", kernel: 16), L("Flatten"), L("Linear", 10) };

        var reason = _validator.Validate(Job(new ModelSubmission(null, null, layers))).Errors["model.custom[2]"].Single();

        Assert.Contains("input 1x28x28 becomes 8x0x0 at 2", reason, StringComparison.Ordinal);
        Assert.Contains("MaxPool2d", reason, StringComparison.Ordinal);
    }
}
