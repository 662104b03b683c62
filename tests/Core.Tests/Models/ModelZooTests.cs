using TrainingService.Core.Models;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models;

[Collection(ZooCollection.Name)]
public sealed class ModelZooTests
{
    [Fact]
    public void The_default_registry_offers_every_network_of_the_specification()
    {
        string[] specified =
        [
            "lenet5", "lenet5-d2l", "lenet5-relu", "lenet-book", "alexnet", "alexnet-227", "alexnet-tv", "alexnet-cifar10",
            "vgg11", "vgg13", "vgg16", "vgg19", "vgg11-bn", "vgg13-bn", "vgg16-bn", "vgg19-bn",
            "googlenet", "inception-cifar", "resnet20", "resnet32", "resnet56", "resnet18", "resnet34", "simplecnn", "mnist-cnn",
        ];

        Assert.Equal(specified.Order(), ModelRegistry.CreateDefault().Names.Order());
    }

    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_model_maps_its_default_input_to_one_logit_per_class(string name)
    {
        var definition = ZooModels.Definition(name);
        using var model = ZooModels.BuildDefault(name);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = definition.DefaultInput;

        // One ImageNet-size image is enough to prove the shapes; VGG-19 at batch 2 only costs a slow CPU more time.
        var batch = input.Height > 64 ? 1 : 2;
        var logits = model.call(randn(batch, input.Channels, input.Height, input.Width));

        Assert.Equal(new long[] { batch, definition.DefaultClasses }, logits.shape);
    }

    [Theory]
    [MemberData(nameof(ExpectedParameterCounts.All), MemberType = typeof(ExpectedParameterCounts))]
    public void Every_model_has_the_reference_number_of_trainable_parameters(string name, long expected)
    {
        using var model = ZooModels.BuildDefault(name);

        Assert.Equal(expected, ZooModels.ParameterCount(model));
    }

    [Fact]
    public void The_parameter_count_table_covers_the_whole_registry()
    {
        var counted = ExpectedParameterCounts.All().Select(row => (string)row[0]);

        Assert.Equal(ModelRegistry.CreateDefault().Names.Order(), counted.Order());
    }

    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_description_is_named_after_its_entry_and_made_for_its_default_input(string name)
    {
        var definition = ZooModels.Definition(name);

        var network = definition.Describe(definition.DefaultOptions);

        Assert.Equal((name, definition.DefaultInput), (network.Name, network.Input));
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
    }

    [Theory]
    [InlineData("lenet5")]
    [InlineData("lenet5-d2l")]
    [InlineData("lenet5-relu")]
    [InlineData("lenet-book")]
    public void LeNets_take_input_channels_and_classes_from_the_options(string name)
    {
        var definition = ZooModels.Definition(name);
        using var model = definition.Build(new ModelBuildOptions(3, 7));
        model.eval();
        using var scope = NewDisposeScope();
        var input = definition.InputFor(3);

        var logits = model.call(randn(2, input.Channels, input.Height, input.Width));

        Assert.Equal(new long[] { 2, 7 }, logits.shape);
        Assert.Equal(input, definition.Describe(new ModelBuildOptions(3, 7)).Input);
    }
}
