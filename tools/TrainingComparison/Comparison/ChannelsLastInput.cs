using static TorchSharp.torch;

namespace TrainingService.TrainingComparison;

/// <summary>The other-layout variant of a network the builder keeps in NCHW: its batch handed over in NHWC strides.</summary>
internal sealed class ChannelsLastInput : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> inner;

    public ChannelsLastInput(nn.Module<Tensor, Tensor> inner) : base("ChannelsLastInput")
    {
        this.inner = inner;
    }

    public static Tensor Convert(Tensor x) => Core.Torch.ChannelsLast.Convert(x);

    public override Tensor forward(Tensor input) => inner.call(Convert(input));
}
