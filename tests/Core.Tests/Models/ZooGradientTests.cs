using TorchSharp;
using TorchSharp.Modules;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Torch;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models;

/// <summary>
/// Every convolution of every network of the zoo, as the zoo builds it, against itself in float64 (which
/// oneDNN does not handle, so libtorch's own kernels compute it). Layer by layer, because through a whole
/// network the last-bit differences of two right algorithms flip max-pooling's choices and spread.
/// </summary>
[Collection(ZooCollection.Name)]
public class ZooGradientTests
{
    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_convolution_gets_its_input_and_weight_gradients_right_with_oneDNN_on(string name)
    {
        using var model = ZooModels.BuildDefault(name);
        var convolutions = model.named_modules().Where(m => m.module is Conv2d or ChannelAlignedConv2d).ToList();
        Assert.NotEmpty(convolutions);
        var before = OneDnn.SetEnabled(true);
        try
        {
            foreach (var (path, module) in convolutions)
            {
                var convolution = (nn.Module<Tensor, Tensor>)module;
                using var scope = NewDisposeScope();
                var generator = new Generator(7);
                var input = randn([2, Weight(convolution).shape[1], 16, 16], generator: generator);
                var (inputGradient, weightGradient, outputGradient) = Gradients(convolution, input, null, generator);
                convolution.to(float64);
                var (inputReference, weightReference, _) = Gradients(convolution, input.to(float64), outputGradient.to(float64), generator);
                convolution.to(float32);

                AssertClose(inputReference, inputGradient, $"{name} {path}: input gradient");
                AssertClose(weightReference, weightGradient, $"{name} {path}: weight gradient");
            }
        }
        finally
        {
            OneDnn.SetEnabled(before);
        }
    }

    private static (Tensor Input, Tensor Weight, Tensor Output) Gradients(nn.Module<Tensor, Tensor> convolution, Tensor input, Tensor? outputGradient, Generator generator)
    {
        convolution.zero_grad();
        var leaf = input.detach().requires_grad_();
        var output = convolution.call(leaf);
        outputGradient ??= randn(output.shape, generator: generator);
        output.backward([outputGradient]);
        return (leaf.grad!.detach().clone(), Weight(convolution).grad!.detach().clone(), outputGradient);
    }

    private static Tensor Weight(nn.Module convolution) => convolution.named_parameters().Single(p => p.name == "weight").parameter;

    private static void AssertClose(Tensor expected64, Tensor actual, string what)
    {
        var error = (actual.to(float64) - expected64).abs().max().item<double>() / Math.Max(expected64.abs().max().item<double>(), 1e-12);
        Assert.True(error < 1e-4, $"{what} is off by {error:E2} of its largest value");
    }
}
