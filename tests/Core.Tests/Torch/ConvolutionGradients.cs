using TorchSharp;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Building;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TrainingService.Core.Tests.Torch;

/// <summary>A convolution's input gradient computed by libtorch in float32, and the same gradient computed in float64 as reference.</summary>
internal sealed class ConvolutionGradients : IDisposable
{
    private readonly DisposeScope _scope = NewDisposeScope();
    private readonly Tensor _input;
    private readonly Tensor _weight;
    private readonly Tensor _outputGradient;
    private readonly Conv2dSpec _spec;

    public ConvolutionGradients(int inChannels, int outChannels, int kernel, int size)
    {
        _spec = new Conv2dSpec(inChannels, outChannels, kernel, Bias: false);
        var generator = new Generator(11);
        _input = randn([32, inChannels, size, size], generator: generator);
        _weight = randn([outChannels, inChannels, kernel, kernel], generator: generator).mul(0.1);
        _outputGradient = randn([32, outChannels, size - kernel + 1, size - kernel + 1], generator: generator);
        // oneDNN does not take float64, so the reference always comes from libtorch's own kernels.
        Reference = F.conv_transpose2d(_outputGradient.to(float64), _weight.to(float64)).to(float32);
    }

    public Tensor Reference { get; }

    /// <summary>d(sum(conv2d(input, weight) * outputGradient)) / d(input), by autograd under the current settings.</summary>
    public Tensor InputGradient()
    {
        var leaf = _input.detach().requires_grad_();
        F.conv2d(leaf, _weight).backward([_outputGradient]);
        return leaf.grad!.detach().clone();
    }

    /// <summary>The same gradient through <see cref="ChannelAlignedConv2d"/> holding the same weight, as the zoo builds it.</summary>
    public Tensor AlignedInputGradient()
    {
        using var aligned = new ChannelAlignedConv2d(_spec);
        using (no_grad())
        {
            aligned.Weight.copy_(_weight);
        }
        var leaf = _input.detach().requires_grad_();
        aligned.call(leaf).backward([_outputGradient]);
        return leaf.grad!.detach().clone();
    }

    /// <summary>The largest error of <paramref name="gradient"/> relative to the reference's largest magnitude.</summary>
    public double RelativeError(Tensor gradient) =>
        (gradient - Reference).abs().max().item<float>() / Reference.abs().max().item<float>();

    public void Dispose() => _scope.Dispose();
}
