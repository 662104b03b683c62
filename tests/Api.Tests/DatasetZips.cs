using System.IO.Compression;
using SkiaSharp;

namespace TrainingService.Api.Tests;

/// <summary>Image-folder uploads built in memory from real PNG files.</summary>
internal static class DatasetZips
{
    public const int Side = 32;

    /// <summary>cat and dog, three 32x32 RGB training images each and one test image each: what simplecnn takes.</summary>
    public static byte[] Pets(int side = Side)
    {
        var entries = new List<(string, byte[])>();
        foreach (var (split, count) in new[] { ("train", 3), ("test", 1) })
        {
            foreach (var pet in new[] { "cat", "dog" })
            {
                for (var i = 0; i < count; i++)
                {
                    entries.Add(($"{split}/{pet}/{i}.png", Png(side, side, seed: entries.Count)));
                }
            }
        }
        return Zip([.. entries]);
    }

    public static byte[] Zip(params (string Path, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in entries)
            {
                using var stream = zip.CreateEntry(path).Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Seeded colour noise, so every image differs and none is greyscale.</summary>
    public static byte[] Png(int width, int height, int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
