using TrainingService.Core.Datasets.Synthetic;

namespace TrainingService.Core.Jobs;

/// <summary>Checks <c>dataset.synthetic</c>.</summary>
internal static class SyntheticRules
{
    public static void Check(SyntheticDatasetSpec? synthetic, ValidationErrors errors)
    {
        if (synthetic is null)
        {
            return;
        }
        Range(synthetic.Channels, 1, 4, "channels", errors);
        Range(synthetic.Height, 1, TransformRules.MaxImageSide, "height", errors);
        Range(synthetic.Width, 1, TransformRules.MaxImageSide, "width", errors);
        Range(synthetic.NumClasses, 2, 10_000, "numClasses", errors);
        Range(synthetic.TrainSize, 1, 100_000, "trainSize", errors);
        Range(synthetic.TestSize, 1, 100_000, "testSize", errors);
        if ((long)synthetic.Channels * synthetic.Height * synthetic.Width * (synthetic.TrainSize + (long)synthetic.TestSize) > 4L << 30)
        {
            errors.Add("dataset.synthetic", "would need more than 4 GiB of images; make it smaller.");
        }
    }

    private static void Range(int value, int min, int max, string field, ValidationErrors errors)
    {
        if (value < min || value > max)
        {
            errors.Add($"dataset.synthetic.{field}", $"must be between {min} and {max}.");
        }
    }
}
