using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>A network that PyTorch would fail to run is rejected up front, naming the layer and the sizes.</summary>
public sealed class ShapeMismatchTests
{
    private static readonly ActivationSpec ReLU = SampleNetworks.ReLU;

    [Fact]
    public void An_input_too_small_for_the_pooling_names_the_layer_where_the_image_vanishes()
    {
        int[] channels = [1, 64, 128, 192, 256, 256];
        var stages = Enumerable.Range(1, 5).Select(i => Child($"conv{i}", new SequentialSpec(
            new Conv2dSpec(channels[i - 1], channels[i], 3, Padding: 1), ReLU, new MaxPool2dSpec(2, 2))));
        var network = new NetworkSpec("too-deep", new ChainSpec("TooDeep", [.. stages]), new InputShape(1, 28, 28));

        var error = Assert.Throws<ShapeMismatchException>(() => ModelSummarizer.Summarize(network, 1));

        Assert.Equal("input 1x28x28 becomes 256x0x0 at conv5.2 (MaxPool2d)", error.Message);
        Assert.Equal(("conv5.2", "MaxPool2d"), (error.LayerPath, error.LayerType));
        Assert.Equal([256, 1, 1], error.InputShape);
        Assert.Equal("its output 256x0x0 is empty", error.Reason);
    }

    [Fact]
    public void A_linear_layer_with_the_wrong_number_of_input_features_says_how_many_it_receives()
    {
        var error = Fails(new InputShape(256, 4, 4), Child("fc1", new SequentialSpec(new FlattenSpec(), new LinearSpec(9216, 4096))));

        Assert.Equal("fc1.1 (Linear) expects 9216 input features but receives 4096", error.Message);
        Assert.Equal("expects 9216 input features but receives 4096", error.Reason);
    }

    [Fact]
    public void A_linear_layer_on_images_asks_for_a_flatten()
    {
        var error = Fails(new InputShape(16, 5, 5), Child("fc", new LinearSpec(400, 10)));

        Assert.Equal("fc (Linear) expects 400 input features but receives a 16x5x5 tensor; flatten it first", error.Message);
    }

    [Theory]
    [InlineData(3, 1, "conv (Conv2d) expects 3 input channels but receives 1")]
    [InlineData(6, 6, "conv (Conv2d) splits 6 input and 8 output channels into 4 groups, which must divide both")]
    public void A_convolution_checks_its_input_channels_and_groups(int inChannels, int imageChannels, string message)
    {
        var error = Fails(new InputShape(imageChannels, 8, 8), Child("conv", new Conv2dSpec(inChannels, 8, 3, Groups: inChannels == 6 ? 4 : 1)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Batch_norm_must_have_as_many_features_as_channels_arrive()
    {
        var error = Fails(new InputShape(3, 8, 8), Child("conv", new Conv2dSpec(3, 32, 3)), Child("bn", new BatchNorm2dSpec(16)));

        Assert.Equal("bn (BatchNorm2d) expects 16 channels but receives 32", error.Message);
    }

    private static ShapeMismatchException Fails(InputShape input, params ChainStep[] steps) =>
        Assert.Throws<ShapeMismatchException>(() => ModelSummarizer.Summarize(new NetworkSpec("bad", new ChainSpec("Bad", steps), input), 2));
}
