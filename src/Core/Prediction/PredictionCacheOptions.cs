namespace TrainingService.Core.Prediction;

/// <summary>How much memory the Api may keep built networks in for <c>/predict</c> (configuration section <c>PredictionCache</c>).</summary>
public sealed class PredictionCacheOptions
{
    public const string SectionName = "PredictionCache";

    /// <summary>
    /// The most parameter and buffer bytes kept across all cached networks (default 256 MiB: a few hundred LeNet-5s,
    /// or one VGG-16 for ImageNet at 528 MB would not be kept). 0 turns the cache off: every request builds its network.
    /// </summary>
    public long SizeLimitBytes { get; set; } = 256L << 20;

    public void Validate() => ArgumentOutOfRangeException.ThrowIfNegative(SizeLimitBytes, nameof(SizeLimitBytes));
}
