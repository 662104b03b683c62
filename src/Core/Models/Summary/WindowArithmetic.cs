namespace TrainingService.Core.Models.Summary;

/// <summary>
/// PyTorch's output-size formulas for sliding windows (ATen's conv and pooling shape checks), in 64-bit
/// arithmetic: a size that no longer fits a tensor dimension is the caller's to refuse, not a wrapped number.
/// </summary>
internal static class WindowArithmetic
{
    public static long Convolution(long input, long kernel, long stride, long padding, long dilation) =>
        FloorDiv(input + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;

    public static long Pooling(long input, long kernel, long stride, long padding, bool ceilMode)
    {
        var output = FloorDiv(input + 2 * padding - (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0), stride) + 1;

        // Rounding up may not add a window that would start in the right padding only.
        if (ceilMode && (output - 1) * stride >= input + padding)
        {
            output--;
        }

        return output;
    }

    // C# division truncates toward zero; PyTorch rounds toward minus infinity, which decides empty outputs.
    private static long FloorDiv(long numerator, long denominator) =>
        numerator / denominator - (numerator % denominator != 0 && (numerator < 0) != (denominator < 0) ? 1 : 0);
}
