using SkiaSharp;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>What an image file declares about itself, read without decoding its pixels.</summary>
internal sealed record ImageHeader(int Width, int Height, bool IsGrey)
{
    /// <exception cref="InvalidDatasetUploadException">Not a PNG or JPEG, or larger than the limits allow.</exception>
    public static ImageHeader Read(string entry, byte[] bytes, ImageFolderLimits limits)
    {
        using var codec = ZipImage.OpenCodec(entry, bytes);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDatasetUploadException(entry, $"declares an image of {width}x{height} pixels");
        }

        if (Math.Max(width, height) > limits.MaxImageSide)
        {
            throw new InvalidDatasetUploadException(entry,
                $"is {width}x{height} pixels; images may be at most {limits.MaxImageSide} pixels wide and high");
        }

        return new ImageHeader(width, height, codec.Info.ColorType == SKColorType.Gray8);
    }
}
