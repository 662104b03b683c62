using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>The output shape (batch included) of a leaf layer, with the checks PyTorch would fail on at run time.</summary>
internal static class LeafShapes
{
    public static int[] Output(ModuleSpec module, LayerContext at) => module switch
    {
        Conv2dSpec conv => ImageLayerShapes.Conv(conv, at),
        LinearSpec linear => Linear(linear, at),
        BatchNorm2dSpec norm => ImageLayerShapes.BatchNorm(norm, at),
        MaxPool2dSpec pool => ImageLayerShapes.Pool(pool.KernelSize, pool.Stride, pool.Padding, pool.CeilMode, at),
        AvgPool2dSpec pool => ImageLayerShapes.Pool(pool.KernelSize, pool.Stride, pool.Padding, pool.CeilMode, at),
        AdaptiveAvgPool2dSpec pool => ImageLayerShapes.Adaptive(pool, at),
        FlattenSpec flatten => Flatten(flatten, at),
        DropoutSpec or ActivationSpec => [.. at.Input],
        _ => throw ModuleAnatomy.Unsupported(module),
    };

    private static int[] Linear(LinearSpec linear, LayerContext at)
    {
        at.Require(at.Input.Count == 2,
            $"expects {linear.InFeatures} input features but receives a {ShapeText.PerImage(at.Input)} tensor; flatten it first");
        at.Require(at.Input[1] == linear.InFeatures, $"expects {linear.InFeatures} input features but receives {at.Input[1]}");
        at.Require(linear.OutFeatures > 0, "has no output features");
        return [at.Input[0], linear.OutFeatures];
    }

    private static int[] Flatten(FlattenSpec flatten, LayerContext at)
    {
        var rank = at.Input.Count;
        var start = flatten.StartDim < 0 ? flatten.StartDim + rank : flatten.StartDim;
        var end = flatten.EndDim < 0 ? flatten.EndDim + rank : flatten.EndDim;
        at.Require(0 <= start && start <= end && end < rank,
            $"cannot flatten dimensions {flatten.StartDim}..{flatten.EndDim} of a {rank}-d tensor (batch included)");
        var merged = at.Input.Skip(start).Take(end - start + 1).Aggregate(1L, (product, size) => checked(product * size));
        return [.. at.Input.Take(start), at.Dimension(merged), .. at.Input.Skip(end + 1)];
    }
}
