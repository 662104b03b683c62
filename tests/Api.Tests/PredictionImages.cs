using SkiaSharp;
using TrainingService.Core.Datasets;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>
/// The first MNIST test digit in every form a user might upload it, broken files, and a decompression bomb.
/// </summary>
internal static class PredictionImages
{
    public const int Side = 28;

    /// <summary>28 x 28 grey values, row by row.</summary>
    public static byte[] Digit()
    {
        using var file = File.OpenRead(Path.Combine(RepositoryPaths.DatasetRoot, "mnist", "t10k-images-idx3-ubyte"));
        return IdxFile.ReadImages(file, "t10k-images-idx3-ubyte").Pixels.AsSpan(0, Side * Side).ToArray();
    }

    /// <summary>The digit as a PNG of the given colour type, every pixel's luminance equal to the digit's grey value, alpha varying.</summary>
    public static byte[] DigitPng(string colourType)
    {
        var digit = Digit();
        byte Grey(int y, int x) => digit[(y * Side) + x];
        byte Alpha(int y, int x) => (byte)(((y * Side) + x) * 37 % 256);
        return colourType switch
        {
            "grey" => PngFiles.GreyPng(Side, Side, Grey),
            "rgb" => PngFiles.RgbPng(Side, Side, (y, x) => (Grey(y, x), Grey(y, x), Grey(y, x))),
            "rgba" => PngFiles.RgbaPng(Side, Side, (y, x) => (Grey(y, x), Grey(y, x), Grey(y, x), Alpha(y, x))),
            "grey+alpha" => PngFiles.GreyAlphaPng(Side, Side, (y, x) => (Grey(y, x), Alpha(y, x))),
            "palette" => PngFiles.PalettePng(Side, Side,
                [.. Enumerable.Range(0, 256).Select(v => ((byte)v, (byte)v, (byte)v, (byte)(255 - v)))], Grey),
            _ => throw new ArgumentOutOfRangeException(nameof(colourType), colourType, null),
        };
    }

    /// <summary>The digit as an RGB JPEG (in red, so the file is not grey).</summary>
    public static byte[] DigitJpeg()
    {
        var digit = Digit();
        var rgba = digit.SelectMany(v => new[] { v, (byte)(v / 4), (byte)(v / 4), (byte)255 }).ToArray();
        using var image = SKImage.FromPixelCopy(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Unpremul), rgba);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    /// <summary>A valid PNG of width x height black pixels: a small file, 4 bytes a pixel once decoded to RGBA.</summary>
    public static byte[] BlackBomb(int width, int height) => PngFiles.BlackBomb(width, height);

    /// <summary>The grey digit's PNG cut off in the middle of its image data.</summary>
    public static byte[] TruncatedPng() => DigitPng("grey")[..60];

    public static byte[] NotAnImage() => "this is a text file, not an image\n"u8.ToArray();
}
