namespace TrainingService.Core.Jobs;

/// <summary>Checks <c>dataset.transforms</c>.</summary>
internal static class TransformRules
{
    public const int MaxImageSide = 1024;

    public static void Check(InputTransformsSpec? transforms, ValidationErrors errors)
    {
        if (transforms?.Resize is { } resize && (resize.Count != 2 || resize.Any(side => side is < 1 or > MaxImageSide)))
        {
            errors.Add("dataset.transforms.resize", $"must be [height, width], each between 1 and {MaxImageSide}.");
        }
        if (transforms?.Channels is { } channels && channels is not (1 or 3))
        {
            errors.Add("dataset.transforms.channels", "must be 1 or 3 (3 replicates a grey channel).");
        }
    }
}
