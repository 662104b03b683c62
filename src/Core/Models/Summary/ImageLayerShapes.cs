using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>Output shapes of the sliding-window and pooling layers.</summary>
internal static class ImageLayerShapes
{
    public static int[] Conv(Conv2dSpec conv, LayerContext at)
    {
        var (n, c, h, w) = at.Images();
        at.Require(conv.InChannels > 0 && conv.OutChannels > 0 && conv.KernelSize > 0 && conv.Stride > 0
            && conv.Padding >= 0 && conv.Dilation > 0 && conv.Groups > 0, "has a size, stride or padding out of range");
        at.Require(conv.InChannels % conv.Groups == 0 && conv.OutChannels % conv.Groups == 0,
            $"splits {conv.InChannels} input and {conv.OutChannels} output channels into {conv.Groups} groups, which must divide both");
        at.Require(c == conv.InChannels, $"expects {conv.InChannels} input channels but receives {c}");
        return at.NonEmpty([n, conv.OutChannels,
            at.Dimension(WindowArithmetic.Convolution(h, conv.KernelSize, conv.Stride, conv.Padding, conv.Dilation)),
            at.Dimension(WindowArithmetic.Convolution(w, conv.KernelSize, conv.Stride, conv.Padding, conv.Dilation))]);
    }

    public static int[] Pool(int kernel, int stride, int padding, bool ceilMode, LayerContext at)
    {
        var (n, c, h, w) = at.Images();
        at.Require(kernel > 0 && stride > 0 && padding >= 0, "has a kernel, stride or padding out of range");
        at.Require(padding <= kernel / 2, $"pads {padding} but a window of {kernel} allows at most {kernel / 2}");
        return at.NonEmpty([n, c,
            at.Dimension(WindowArithmetic.Pooling(h, kernel, stride, padding, ceilMode)),
            at.Dimension(WindowArithmetic.Pooling(w, kernel, stride, padding, ceilMode))]);
    }

    public static int[] Adaptive(AdaptiveAvgPool2dSpec pool, LayerContext at)
    {
        var (n, c, _, _) = at.Images();
        return at.NonEmpty([n, c, pool.OutputHeight, pool.OutputWidth]);
    }

    public static int[] BatchNorm(BatchNorm2dSpec norm, LayerContext at)
    {
        var (_, c, _, _) = at.Images();
        at.Require(c == norm.NumFeatures, $"expects {norm.NumFeatures} channels but receives {c}");
        return [.. at.Input];
    }
}
