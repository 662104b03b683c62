namespace TrainingService.Core.Images;

/// <summary>What an image file declares about itself, read without decoding its pixels.</summary>
public sealed record ImageHeader(int Width, int Height, bool IsGrey)
{
    public long Pixels => (long)Width * Height;
}
