using TorchSharp;
using TorchSharp.Modules;
using TrainingService.Core.Models.Architecture;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>
/// <c>nn.Conv2d</c> whose output channels are not a whole number of oneDNN's 16-channel blocks. On the
/// CPU, when its input needs a gradient, it convolves with its weight and bias padded by zero filters
/// up to whole blocks and drops the extra channels: libtorch 2.10's oneDNN computes a wrong input gradient for a partial block (see
/// <see cref="Torch.OneDnn"/>), a right one for whole blocks, and the zero filters leave the output
/// and the weight gradient exactly as they were. Parameters, their names and their initialisation are
/// <c>nn.Conv2d</c>'s, so checkpoints and seeds do not change.
/// </summary>
public sealed class ChannelAlignedConv2d : nn.Module<Tensor, Tensor>
{
    public const int Block = 16;

    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly Conv2dSpec spec;
    private readonly long missingChannels;

    public ChannelAlignedConv2d(Conv2dSpec spec) : base("Conv2d")
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Groups != 1)
        {
            throw new ArgumentException("Only ungrouped convolutions can be padded with whole filters.", nameof(spec));
        }
        this.spec = spec;
        missingChannels = MissingChannels(spec.OutChannels);
        // Built through nn.Conv2d so the initialisation draws the same random numbers as PyTorch's.
        using (var template = ConvolutionFactory.Plain(spec))
        {
            weight = new Parameter(template.weight!.detach().clone());
            bias = template.bias is { } b ? new Parameter(b.detach().clone()) : null;
        }
        RegisterComponents();
    }

    public Parameter Weight => weight;

    public Parameter? Bias => bias;

    public static long MissingChannels(int outChannels) => (Block - outChannels % Block) % Block;

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Without an input gradient to compute (a network's first layer) oneDNN is right as it is.
        if (input.device_type != DeviceType.CPU || missingChannels == 0 || !input.requires_grad)
        {
            return Convolve(input, weight, bias);
        }
        using var scope = NewDisposeScope();
        var paddedWeight = nn.functional.pad(weight, [0, 0, 0, 0, 0, 0, 0, missingChannels]);
        var paddedBias = bias is null ? null : nn.functional.pad(bias, [0, missingChannels]);
        // Contiguous, so the layers after it do not take the slow paths of a channel-strided view.
        return Convolve(input, paddedWeight, paddedBias).narrow(1, 0, spec.OutChannels).contiguous().MoveToOuterDisposeScope();
    }

    private Tensor Convolve(Tensor input, Tensor filters, Tensor? offsets) => nn.functional.conv2d(input, filters, offsets,
        [spec.Stride, spec.Stride], [spec.Padding, spec.Padding], [spec.Dilation, spec.Dilation], spec.Groups);
}
