using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using SkiaSharp;

namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// Image files made in the test, byte by byte where SkiaSharp cannot encode the colour mode (palette,
/// grey with alpha) or where the file must lie about itself (a header declaring a huge image).
/// </summary>
internal static class ImageFiles
{
    public const int ColourTypeGrey = 0, ColourTypeRgb = 2, ColourTypePalette = 3, ColourTypeGreyAlpha = 4, ColourTypeRgba = 6;

    private static readonly Lazy<byte[]> Bomb = new(() => Png(30_000, 30_000, ColourTypeGrey, (_, _) => 0));

    /// <summary>A complete, valid grey PNG of 30000 x 30000 zeros: about 0.9 MB on disk, 900 MB once decoded.</summary>
    public static byte[] DecompressionBomb => Bomb.Value;

    /// <summary>A bright square on a dark field, 28 x 28, in the given PNG colour type (8 bits per sample).</summary>
    public static byte[] DigitPng(int colourType) => Png(28, 28, colourType, (x, y) => x is > 8 and < 20 && y is > 4 and < 24 ? (byte)230 : (byte)10);

    public static byte[] DigitJpeg()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(28, 28, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < 28; y++)
        for (var x = 0; x < 28; x++)
        {
            bitmap.SetPixel(x, y, x is > 8 and < 20 && y is > 4 and < 24 ? new SKColor(230, 200, 210) : new SKColor(10, 20, 5));
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    /// <summary>A PNG cut off in the middle of its image data.</summary>
    public static byte[] TruncatedPng() => DigitPng(ColourTypeRgb)[..60];

    public static byte[] NotAnImage() => Encoding.UTF8.GetBytes("this is a text file, not an image\n");

    /// <summary>Writes a PNG whose every sample of pixel (x, y) is <paramref name="sample"/>(x, y); palette images use a grey ramp.</summary>
    public static byte[] Png(int width, int height, int colourType, Func<int, int, byte> sample)
    {
        var samples = colourType switch
        {
            ColourTypeGrey or ColourTypePalette => 1,
            ColourTypeGreyAlpha => 2,
            ColourTypeRgb => 3,
            ColourTypeRgba => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(colourType)),
        };
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)colourType;
        Chunk(png, "IHDR", header);
        if (colourType == ColourTypePalette)
        {
            Chunk(png, "PLTE", Enumerable.Range(0, 256).SelectMany(i => new[] { (byte)i, (byte)i, (byte)i }).ToArray());
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + width * samples];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var value = sample(x, y);
                    for (var s = 0; s < samples; s++)
                    {
                        // Alpha, where there is one, is opaque so that the digit is what a viewer sees.
                        row[1 + x * samples + s] = samples is 2 or 4 && s == samples - 1 ? (byte)255 : value;
                    }
                }
                zlib.Write(row);
            }
        }
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        png.Write(crc);
    }
}
