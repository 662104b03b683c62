namespace TrainingService.Core.Tests.Models;

/// <summary>Expected state-dict entries per PyTorch layer, in the order PyTorch saves them.</summary>
internal static class StateDictTable
{
    public static IEnumerable<(string Key, long[] Shape)> Conv(string prefix, long output, long input, long kernel, bool bias = true)
    {
        yield return ($"{prefix}.weight", [output, input, kernel, kernel]);
        if (bias)
        {
            yield return ($"{prefix}.bias", [output]);
        }
    }

    public static IEnumerable<(string Key, long[] Shape)> Linear(string prefix, long output, long input) =>
        [($"{prefix}.weight", [output, input]), ($"{prefix}.bias", [output])];

    public static IEnumerable<(string Key, long[] Shape)> BatchNorm(string prefix, long channels) =>
    [
        ($"{prefix}.weight", [channels]), ($"{prefix}.bias", [channels]),
        ($"{prefix}.running_mean", [channels]), ($"{prefix}.running_var", [channels]),
        ($"{prefix}.num_batches_tracked", []),
    ];

    public static IEnumerable<(string Key, long[] Shape)> BasicConv(string prefix, long output, long input, long kernel) =>
        Conv($"{prefix}.conv", output, input, kernel, bias: false).Concat(BatchNorm($"{prefix}.bn", output));

    public static IEnumerable<(string Key, long[] Shape)> BasicBlock(string prefix, long output, long input, long? shortcutKernel) =>
        Conv($"{prefix}.conv1", output, input, 3, bias: false).Concat(BatchNorm($"{prefix}.bn1", output))
            .Concat(Conv($"{prefix}.conv2", output, output, 3, bias: false)).Concat(BatchNorm($"{prefix}.bn2", output))
            .Concat(shortcutKernel is { } kernel
                ? Conv($"{prefix}.downsample.0", output, input, kernel, bias: false).Concat(BatchNorm($"{prefix}.downsample.1", output))
                : []);

    /// <summary>A stage of <paramref name="blocks"/> blocks where only the first changes the shape.</summary>
    public static IEnumerable<(string Key, long[] Shape)> Stage(string prefix, int blocks, long output, long input, long? shortcutKernel) =>
        Enumerable.Range(0, blocks).SelectMany(index => index == 0
            ? BasicBlock($"{prefix}.0", output, input, shortcutKernel)
            : BasicBlock($"{prefix}.{index}", output, output, null));

    public static IEnumerable<(string Key, long[] Shape)> InceptionA(string prefix, long input, long poolFeatures) =>
        BasicConv($"{prefix}.branch1x1", 64, input, 1)
            .Concat(BasicConv($"{prefix}.branch5x5_1", 48, input, 1)).Concat(BasicConv($"{prefix}.branch5x5_2", 64, 48, 5))
            .Concat(BasicConv($"{prefix}.branch3x3dbl_1", 64, input, 1)).Concat(BasicConv($"{prefix}.branch3x3dbl_2", 96, 64, 3))
            .Concat(BasicConv($"{prefix}.branch3x3dbl_3", 96, 96, 3)).Concat(BasicConv($"{prefix}.branch_pool", poolFeatures, input, 1));
}
