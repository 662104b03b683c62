using TrainingService.Core.Models.Architecture;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>Inception-v3's <c>InceptionA</c> block; field names and their order are the reference's state-dict prefixes.</summary>
public sealed class InceptionAModule : nn.Module<Tensor, Tensor>
{
    private readonly BasicConv2dModule branch1x1;
    private readonly BasicConv2dModule branch5x5_1;
    private readonly BasicConv2dModule branch5x5_2;
    private readonly BasicConv2dModule branch3x3dbl_1;
    private readonly BasicConv2dModule branch3x3dbl_2;
    private readonly BasicConv2dModule branch3x3dbl_3;
    private readonly BasicConv2dModule branch_pool;

    public InceptionAModule(InceptionASpec spec) : base("InceptionA")
    {
        ArgumentNullException.ThrowIfNull(spec);
        var input = spec.InChannels;
        branch1x1 = new BasicConv2dModule(new BasicConv2dSpec(input, 64, 1));
        branch5x5_1 = new BasicConv2dModule(new BasicConv2dSpec(input, 48, 1));
        branch5x5_2 = new BasicConv2dModule(new BasicConv2dSpec(48, 64, 5, Padding: 2));
        branch3x3dbl_1 = new BasicConv2dModule(new BasicConv2dSpec(input, 64, 1));
        branch3x3dbl_2 = new BasicConv2dModule(new BasicConv2dSpec(64, 96, 3, Padding: 1));
        branch3x3dbl_3 = new BasicConv2dModule(new BasicConv2dSpec(96, 96, 3, Padding: 1));
        branch_pool = new BasicConv2dModule(new BasicConv2dSpec(input, spec.PoolFeatures, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var branch5x5 = branch5x5_2.call(branch5x5_1.call(input));
        var branch3x3dbl = branch3x3dbl_3.call(branch3x3dbl_2.call(branch3x3dbl_1.call(input)));

        // The reference pools functionally (F.avg_pool2d), so the pool has no key of its own.
        var pooled = branch_pool.call(nn.functional.avg_pool2d(input, 3, stride: 1, padding: 1));
        return cat([branch1x1.call(input), branch5x5, branch3x3dbl, pooled], 1).MoveToOuterDisposeScope();
    }
}
