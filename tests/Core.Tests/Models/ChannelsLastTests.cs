using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Torch;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models;

/// <summary>
/// The chains of whole-block convolutions see their batches in NHWC strides on the CPU (oneDNN then skips its layout
/// reorders); networks with a channel-aligned convolution or Inception branches keep NCHW. The layout changes no value,
/// no key and no byte of a checkpoint.
/// </summary>
[Collection(ZooCollection.Name)]
public sealed class ChannelsLastTests
{
    [Theory]
    [InlineData("resnet20", true)]
    [InlineData("resnet18", true)]
    [InlineData("mnist-cnn", true)]
    [InlineData("alexnet-cifar10", true)]
    [InlineData("vgg11-bn", true)]
    [InlineData("lenet5", false)]
    [InlineData("lenet-book", false)]
    [InlineData("googlenet", false)]
    public void Only_the_chains_of_whole_block_convolutions_hand_their_first_convolution_an_nhwc_batch(string name, bool nhwc)
    {
        using var model = ZooModels.BuildDefault(name);
        var shape = ZooModels.Definition(name).DefaultInput;
        bool? seen = null;
        var first = (nn.Module<Tensor, Tensor>)model.modules().First(m => m is Conv2d or ChannelAlignedConv2d);
        var hook = first.register_forward_pre_hook((_, input) =>
        {
            seen ??= ChannelsLast.Is(input);
            return input;
        });
        using (no_grad())
        using (var images = randn([2, shape.Channels, shape.Height, shape.Width], generator: new Generator(3)))
        {
            model.call(images).Dispose();
        }
        hook.remove();

        Assert.Equal(nhwc, seen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_converted_batch_makes_the_convolution_answer_in_nhwc_whatever_its_channel_count(int channels)
    {
        using var scope = NewDisposeScope();
        using var convolution = nn.Conv2d(channels, 16, 3);
        var images = randn([2, channels, 8, 8], generator: new Generator(4));

        var converted = ChannelsLast.Convert(images);
        var output = convolution.call(converted);

        Assert.True(ChannelsLast.Is(converted));
        Assert.True(ChannelsLast.Is(output), $"the output's strides are {string.Join(',', output.stride())}");
        Assert.Equal(images.data<float>().ToArray(), converted.contiguous().data<float>().ToArray());
    }

    [Theory]
    [InlineData("resnet20")]
    [InlineData("mnist-cnn")]
    public void A_network_in_nhwc_gives_the_outputs_gradients_and_state_dict_of_the_same_network_in_nchw(string name)
    {
        var definition = ZooModels.Definition(name);
        var shape = definition.DefaultInput;
        var network = definition.Describe(definition.DefaultOptions);
        manual_seed(11);
        using var nhwc = ModuleBuilder.Build(network);
        manual_seed(11);
        // The spec-level build leaves the root chain in NCHW: the network as it was before the rule.
        using var nchw = ModuleBuilder.Build(network.Root);
        Assert.Equal(Bytes(StateDictConversion.FromModule(nchw)), Bytes(StateDictConversion.FromModule(nhwc)));
        using var scope = NewDisposeScope();
        var images = randn([8, shape.Channels, shape.Height, shape.Width], generator: new Generator(5));
        var labels = randint(0, 10, [8], generator: new Generator(6));

        var lossNhwc = nn.functional.cross_entropy(nhwc.call(images), labels);
        var lossNchw = nn.functional.cross_entropy(nchw.call(images), labels);
        lossNhwc.backward();
        lossNchw.backward();

        Assert.Equal(lossNchw.item<float>(), lossNhwc.item<float>(), 1e-5f);
        // A convolution's bias in front of a batch norm has a true gradient of zero (the norm takes the mean out): both
        // layouts give rounding noise there, so each error is taken against at least 1% of the network's largest gradient.
        var floor = 0.01f * nchw.parameters().Max(p => p.grad!.abs().max().item<float>());
        foreach (var ((key, a), (_, b)) in nhwc.named_parameters().Zip(nchw.named_parameters()))
        {
            var error = (a.grad! - b.grad!).abs().max().item<float>() / Math.Max(b.grad!.abs().max().item<float>(), floor);
            Assert.True(error < 1e-3, $"{key}: gradient off by {error:E2} of its largest value");
        }
        var before = StateDictConversion.FromModule(nchw);
        var after = StateDictConversion.FromModule(nhwc);
        Assert.Equal(before.Select(t => (t.Key, string.Join('x', t.Shape))), after.Select(t => (t.Key, string.Join('x', t.Shape))));
        // The running statistics, updated by one forward in each layout, are written row-major: equal to float precision.
        foreach (var (a, b) in after.Zip(before).Where(pair => !pair.First.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)))
        {
            var x = MemoryMarshal.Cast<byte, float>(a.Data).ToArray();
            var y = MemoryMarshal.Cast<byte, float>(b.Data).ToArray();
            for (var i = 0; i < x.Length; i++)
            {
                Assert.True(Math.Abs(x[i] - y[i]) <= 1e-4f * Math.Max(1f, Math.Abs(y[i])), $"{a.Key}[{i}]: {x[i]} against {y[i]}");
            }
        }
    }

    private static List<(string Key, string Data)> Bytes(IReadOnlyList<StateTensor> tensors) =>
        tensors.Select(t => (t.Key, Convert.ToHexString(t.Data))).ToList();
}
