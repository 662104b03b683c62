using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>The state_dict a description stands for: PyTorch's keys, shapes and order.</summary>
public sealed class StateDictLayoutTests
{
    [Fact]
    public void LeNet5_has_the_reference_keys_and_shapes_in_order()
    {
        var entries = StateDictLayout.Keys(SampleNetworks.LeNet5()).Select(e => (e.Key, Shape: string.Join("x", e.Shape)));

        Assert.Equal(
        [
            ("conv1.weight", "6x1x5x5"), ("conv1.bias", "6"), ("conv2.weight", "16x6x5x5"), ("conv2.bias", "16"),
            ("fc1.weight", "120x400"), ("fc1.bias", "120"), ("fc2.weight", "84x120"), ("fc2.bias", "84"),
            ("fc3.weight", "10x84"), ("fc3.bias", "10"),
        ], entries);
    }

    [Fact]
    public void Batch_norm_lists_its_parameters_then_its_buffers_with_a_scalar_batch_counter()
    {
        var network = new NetworkSpec("bn", new SequentialSpec(new BatchNorm2dSpec(4)), new InputShape(4, 2, 2));

        var entries = StateDictLayout.Keys(network).Select(e => (e.Key, e.Shape.Count, e.IsBuffer));

        Assert.Equal(
        [
            ("0.weight", 1, false), ("0.bias", 1, false),
            ("0.running_mean", 1, true), ("0.running_var", 1, true), ("0.num_batches_tracked", 0, true),
        ], entries);
    }

    [Fact]
    public void A_residual_block_registers_its_downsample_after_its_convolutions_and_norms()
    {
        var network = new NetworkSpec("block", new BasicBlockSpec(16, 32, 2, DownsampleKernel: 1), new InputShape(16, 8, 8));

        var weights = StateDictLayout.Keys(network).Where(e => e.Key.EndsWith("weight", StringComparison.Ordinal));

        Assert.Equal(
        [
            ("conv1.weight", "32x16x3x3"), ("bn1.weight", "32"), ("conv2.weight", "32x32x3x3"), ("bn2.weight", "32"),
            ("downsample.0.weight", "32x16x1x1"), ("downsample.1.weight", "32"),
        ], weights.Select(e => (e.Key, string.Join("x", e.Shape))));
    }

    [Fact]
    public void Inception_blocks_key_their_branches_like_torchvision()
    {
        var prefixes = StateDictLayout.Keys(SampleNetworks.TinyGoogLeNet())
            .Where(e => e.Key.StartsWith("inception3a.", StringComparison.Ordinal) && e.Key.EndsWith(".conv.weight", StringComparison.Ordinal))
            .Select(e => e.Key);

        Assert.Equal(
        [
            "inception3a.branch1.conv.weight", "inception3a.branch2.0.conv.weight", "inception3a.branch2.1.conv.weight",
            "inception3a.branch3.0.conv.weight", "inception3a.branch3.1.conv.weight", "inception3a.branch4.1.conv.weight",
        ], prefixes);
    }

    [Fact]
    public void A_grouped_convolution_holds_in_channels_over_groups_per_filter()
    {
        var network = new NetworkSpec("grouped", new Conv2dSpec(8, 16, 3, Groups: 4, Bias: false), new InputShape(8, 5, 5));

        Assert.Equal([16L, 2, 3, 3], StateDictLayout.Keys(network).Single().Shape);
    }
}
