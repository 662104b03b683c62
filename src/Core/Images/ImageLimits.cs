namespace TrainingService.Core.Images;

/// <summary>
/// Bounds on one image before it is decoded. A PNG of a few hundred bytes can declare 30000 x 30000
/// pixels (3.6 GB as RGBA), so both are checked against the header, before any pixel buffer exists.
/// Bind it from the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class ImageLimits
{
    public const string SectionName = "ImageLimits";

    /// <summary>The largest pixel count the decoder's RGBA buffer may be asked to hold (4 bytes each, addressed by an int).</summary>
    public const long MaxSupportedPixels = int.MaxValue / 4;

    /// <summary>Width and height as the file declares them, before any resize.</summary>
    public int MaxSide { get; set; } = 4096;

    /// <summary>Width x height as the file declares them; the decoder holds 4 bytes for each while decoding.</summary>
    public long MaxPixels { get; set; } = 4096L * 4096;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSide);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPixels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPixels, MaxSupportedPixels);
    }
}
