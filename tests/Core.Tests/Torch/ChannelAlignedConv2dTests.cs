using TorchSharp.Modules;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Torch;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TrainingService.Core.Tests.Torch;

[Collection(ProcessWideLibTorchCollection.Name)]
public class ChannelAlignedConv2dTests
{
    [Theory]
    [InlineData(16, 120, 5, 1, 0, 5)] // LeNet-5's C5
    [InlineData(16, 10, 3, 1, 1, 8)]
    [InlineData(192, 24, 1, 1, 0, 8)] // GoogLeNet's 5x5 reduction in inception 4b
    [InlineData(6, 24, 3, 2, 1, 9)]
    public void With_oneDNN_on_the_output_and_every_gradient_match_float64(int inChannels, int outChannels, int kernel, int stride, int padding, int size)
    {
        var spec = new Conv2dSpec(inChannels, outChannels, kernel, stride, padding);
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var aligned = new ChannelAlignedConv2d(spec);
        var input = randn(8, inChannels, size, size).requires_grad_();
        var before = OneDnn.SetEnabled(true);
        try
        {
            var output = aligned.call(input);
            var outputGradient = randn_like(output);
            output.backward([outputGradient]);

            var input64 = input.detach().to(float64).requires_grad_();
            var weight64 = aligned.Weight.detach().to(float64).requires_grad_();
            var bias64 = aligned.Bias!.detach().to(float64).requires_grad_();
            var output64 = F.conv2d(input64, weight64, bias64, [stride, stride], [padding, padding]);
            output64.backward([outputGradient.to(float64)]);

            Assert.Equal(output64.shape, output.shape);
            AssertClose(output64, output);
            AssertClose(input64.grad!, input.grad!);
            AssertClose(weight64.grad!, aligned.Weight.grad!);
            AssertClose(bias64.grad!, aligned.Bias!.grad!);
        }
        finally
        {
            OneDnn.SetEnabled(before);
        }
    }

    [Fact]
    public void It_has_the_parameter_names_shapes_and_seeded_initial_values_of_nn_Conv2d()
    {
        var spec = new Conv2dSpec(16, 120, 5);
        manual_seed(9);
        using var plain = ConvolutionFactory.Plain(spec);
        manual_seed(9);
        using var aligned = new ChannelAlignedConv2d(spec);

        var expected = plain.named_parameters().ToList();
        var actual = aligned.named_parameters().ToList();
        Assert.Equal(expected.Select(p => (p.name, string.Join('x', p.parameter.shape))), actual.Select(p => (p.name, string.Join('x', p.parameter.shape))));
        Assert.All(expected.Zip(actual), pair => Assert.True(pair.First.parameter.eq(pair.Second.parameter).all().item<bool>()));
    }

    [Theory]
    [InlineData(120, 1, true)]
    [InlineData(10, 1, true)]
    [InlineData(128, 1, false)]
    [InlineData(16, 1, false)]
    [InlineData(24, 2, false)] // grouped: padding whole filters would break the groups
    public void The_factory_aligns_exactly_the_ungrouped_convolutions_with_a_partial_block(int outChannels, int groups, bool aligned)
    {
        using var module = ConvolutionFactory.Create(new Conv2dSpec(8, outChannels, 3, Groups: groups));
        Assert.Equal(aligned, module is ChannelAlignedConv2d);
        Assert.Equal(!aligned, module is Conv2d);
    }

    private static void AssertClose(Tensor expected64, Tensor actual)
    {
        var error = (actual.to(float64) - expected64).abs().max().item<double>() / expected64.abs().max().item<double>();
        Assert.InRange(error, 0, 1e-5);
    }
}
