using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>Shape rules beyond single layers: ranks, functional ops, residual additions and rounding-up pools.</summary>
public sealed class ShapeRuleTests
{
    [Fact]
    public void A_convolution_after_flattening_is_told_it_receives_no_images()
    {
        var error = Fails(new InputShape(3, 8, 8), Functional(new FlattenSpec()), Child("conv", new Conv2dSpec(192, 8, 1)));

        Assert.Equal("conv (Conv2d) expects images (channels x height x width) but receives a 192 tensor", error.Message);
    }

    [Fact]
    public void Flattening_dimensions_the_tensor_does_not_have_fails()
    {
        var error = Fails(new InputShape(3, 2, 2), Functional(new FlattenSpec()), Child("flat", new FlattenSpec(2, 3)));

        Assert.Equal("flat (Flatten) cannot flatten dimensions 2..3 of a 2-d tensor (batch included)", error.Message);
    }

    [Fact]
    public void A_functional_op_is_reported_at_the_module_that_applies_it()
    {
        var error = Fails(new InputShape(1, 3, 3), Functional(new MaxPool2dSpec(2, 2)), Functional(new MaxPool2dSpec(2, 2)));

        Assert.Equal("input 1x3x3 becomes 1x0x0 at the network's root (MaxPool2d, functional)", error.Message);
    }

    [Fact]
    public void A_residual_block_that_changes_the_shape_needs_a_downsample()
    {
        var error = Fails(new InputShape(16, 8, 8), Child("block", new BasicBlockSpec(16, 32, Stride: 2)));

        Assert.Equal("block (BasicBlock) adds its 32x4x4 output to a 16x8x8 shortcut; a change of shape needs a downsample", error.Message);
    }

    [Theory]
    [InlineData(112, 3, 2, 0, 56)]
    [InlineData(5, 2, 2, 1, 3)]
    [InlineData(6, 3, 3, 0, 2)]
    public void Rounding_up_a_pooling_never_adds_a_window_that_starts_in_the_padding(int size, int kernel, int stride, int padding, int expected)
    {
        var network = new NetworkSpec("ceil", new SequentialSpec(new MaxPool2dSpec(kernel, stride, padding, CeilMode: true)), new InputShape(1, size, size));

        var output = ModelSummarizer.Summarize(network, 1).Rows[1].OutputShape;

        Assert.Equal([1, 1, expected, expected], output);
    }

    private static ShapeMismatchException Fails(InputShape input, params ChainStep[] steps) =>
        Assert.Throws<ShapeMismatchException>(() => ModelSummarizer.Summarize(new NetworkSpec("bad", new ChainSpec("Bad", steps), input), 2));
}
