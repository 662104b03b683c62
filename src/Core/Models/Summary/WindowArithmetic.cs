namespace TrainingService.Core.Models.Summary;

/// <summary>PyTorch's output-size formulas for sliding windows (ATen's conv and pooling shape checks).</summary>
internal static class WindowArithmetic
{
    public static int Convolution(int input, int kernel, int stride, int padding, int dilation) =>
        FloorDiv(input + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;

    public static int Pooling(int input, int kernel, int stride, int padding, bool ceilMode)
    {
        var output = FloorDiv(input + 2 * padding - (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0), stride) + 1;

        // Rounding up may not add a window that would start in the right padding only.
        if (ceilMode && (long)(output - 1) * stride >= input + padding)
        {
            output--;
        }

        return output;
    }

    // C# division truncates toward zero; PyTorch rounds toward minus infinity, which decides empty outputs.
    private static int FloorDiv(int numerator, int denominator) =>
        numerator / denominator - (numerator % denominator != 0 && (numerator < 0) != (denominator < 0) ? 1 : 0);
}
