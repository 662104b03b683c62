using TorchSharp;
using TorchSharp.Modules;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Torch;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models;

/// <summary>
/// Every convolution of every network of the zoo, as the zoo builds it and on the very input it sees in a
/// forward pass (oneDNN picks its kernels by shape), against itself in float64, which oneDNN does not handle.
/// Layer by layer, because through a whole network the last-bit differences of two right algorithms flip
/// max-pooling's choices and spread.
/// </summary>
[Collection(ZooCollection.Name)]
public class ZooGradientTests
{
    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_convolution_gets_its_input_weight_and_bias_gradients_right_with_oneDNN_on(string name)
    {
        var definition = ZooModels.Definition(name);
        using var model = ZooModels.BuildDefault(name);
        model.eval();
        var before = OneDnn.SetEnabled(true);
        try
        {
            var inputs = ConvolutionInputs(model, definition.DefaultInput.Height > 64 ? 1 : 32, definition.DefaultInput);
            Assert.NotEmpty(inputs);
            foreach (var (path, convolution, input) in inputs)
            {
                using var scope = NewDisposeScope();
                var generator = new Generator(7);
                var (gradients, outputGradient) = Gradients(convolution, input, null, generator);
                convolution.to(float64);
                var (references, _) = Gradients(convolution, input.to(float64), outputGradient.to(float64), generator);
                convolution.to(float32);
                foreach (var (key, reference) in references)
                {
                    var error = (gradients[key].to(float64) - reference).abs().max().item<double>() / Math.Max(reference.abs().max().item<double>(), 1e-12);
                    Assert.True(error < 1e-4, $"{name} {path}: the {key} gradient is off by {error:E2} of its largest value");
                }
            }
        }
        finally
        {
            OneDnn.SetEnabled(before);
        }
    }

    private static List<(string Path, nn.Module<Tensor, Tensor> Convolution, Tensor Input)> ConvolutionInputs(
        nn.Module<Tensor, Tensor> model, int batch, Core.Models.InputShape shape)
    {
        var seen = new List<(string, nn.Module<Tensor, Tensor>, Tensor)>();
        var hooks = model.named_modules().Where(m => m.module is Conv2d or ChannelAlignedConv2d)
            .Select(m => ((nn.Module<Tensor, Tensor>)m.module).register_forward_pre_hook((module, input) =>
            {
                seen.Add((m.name, module, input.detach().clone().DetachFromDisposeScope()));
                return input;
            }))
            .ToList();
        using (no_grad())
        using (var images = randn([batch, shape.Channels, shape.Height, shape.Width], generator: new Generator(5)))
        {
            model.call(images).Dispose();
        }
        hooks.ForEach(hook => hook.remove());
        return seen;
    }

    private static (Dictionary<string, Tensor> Gradients, Tensor OutputGradient) Gradients(
        nn.Module<Tensor, Tensor> convolution, Tensor input, Tensor? outputGradient, Generator generator)
    {
        convolution.zero_grad();
        var leaf = input.detach().requires_grad_();
        var output = convolution.call(leaf);
        outputGradient ??= randn(output.shape, generator: generator);
        output.backward([outputGradient]);
        var gradients = convolution.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.detach().clone());
        gradients["input"] = leaf.grad!.detach().clone();
        return (gradients, outputGradient);
    }
}
