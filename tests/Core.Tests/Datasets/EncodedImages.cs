using SkiaSharp;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Real PNG and JPEG files encoded with SkiaSharp, the library the importer decodes with.</summary>
internal static class EncodedImages
{
    /// <summary>An RGB image whose pixel (y, x) is (seed + 10y + x, seed + 100, 255 - seed - x), stored without alpha loss.</summary>
    public static byte[] Png(int width, int height, int seed) => Encode(Rgba(width, height, seed), width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height, int seed) => Encode(Rgba(width, height, seed), width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>A single-channel image whose pixel (y, x) is seed + 10y + x.</summary>
    public static byte[] GreyPng(int width, int height, int seed)
    {
        var pixels = Enumerable.Range(0, width * height).Select(i => (byte)(seed + (10 * (i / width)) + (i % width))).ToArray();
        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var image = SKImage.FromPixelCopy(info, pixels);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The value the importer must store for channel c at (y, x) of <see cref="Png"/>.</summary>
    public static byte Expected(int seed, int channel, int y, int x) => channel switch
    {
        0 => (byte)(seed + (10 * y) + x),
        1 => (byte)(seed + 100),
        _ => (byte)(255 - seed - x),
    };

    private static byte[] Rgba(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            var (y, x) = (i / width, i % width);
            (pixels[4 * i], pixels[(4 * i) + 1], pixels[(4 * i) + 2], pixels[(4 * i) + 3]) =
                (Expected(seed, 0, y, x), Expected(seed, 1, y, x), Expected(seed, 2, y, x), 255);
        }

        return pixels;
    }

    private static byte[] Encode(byte[] rgba, int width, int height, SKEncodedImageFormat format)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var image = SKImage.FromPixelCopy(info, rgba);
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }
}
