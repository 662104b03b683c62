using TrainingService.Core.Models.Architecture;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>torchvision's GoogLeNet <c>Inception</c> block: four branches concatenated on channels.</summary>
public sealed class GoogLeNetInceptionModule : nn.Module<Tensor, Tensor>
{
    private readonly BasicConv2dModule branch1;
    private readonly Sequential branch2;
    private readonly Sequential branch3;
    private readonly Sequential branch4;

    public GoogLeNetInceptionModule(GoogLeNetInceptionSpec spec) : base("Inception")
    {
        ArgumentNullException.ThrowIfNull(spec);
        branch1 = Conv(spec.InChannels, spec.Ch1x1, 1);
        branch2 = nn.Sequential(Conv(spec.InChannels, spec.Ch3x3Reduce, 1), Conv(spec.Ch3x3Reduce, spec.Ch3x3, 3));

        // torchvision uses a 3x3 here where the paper has 5x5 (pytorch/vision#906); its weights need the same.
        branch3 = nn.Sequential(Conv(spec.InChannels, spec.Ch5x5Reduce, 1), Conv(spec.Ch5x5Reduce, spec.Ch5x5, 3));
        branch4 = nn.Sequential(nn.MaxPool2d(3, stride: 1, padding: 1, ceil_mode: true), Conv(spec.InChannels, spec.PoolProj, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat([branch1.call(input), branch2.call(input), branch3.call(input), branch4.call(input)], 1).MoveToOuterDisposeScope();
    }

    private static BasicConv2dModule Conv(int input, int output, int kernel) =>
        new(new BasicConv2dSpec(input, output, kernel, Padding: kernel / 2));
}
