using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using SkiaSharp;
using TrainingService.Core.Datasets;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>
/// The first MNIST test digit in every form a user might upload it, and a decompression bomb. PNGs are
/// written byte by byte, because SkiaSharp's encoder writes neither palette nor grey+alpha files.
/// </summary>
internal static class PredictionImages
{
    public const int Side = 28;

    private const byte GreyType = 0;
    private const byte RgbType = 2;
    private const byte PaletteType = 3;
    private const byte GreyAlphaType = 4;
    private const byte RgbaType = 6;

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
        byte Alpha(int i) => (byte)(i * 37 % 256);
        return colourType switch
        {
            "grey" => Png(GreyType, i => [digit[i]]),
            "rgb" => Png(RgbType, i => [digit[i], digit[i], digit[i]]),
            "rgba" => Png(RgbaType, i => [digit[i], digit[i], digit[i], Alpha(i)]),
            "grey+alpha" => Png(GreyAlphaType, i => [digit[i], Alpha(i)]),
            "palette" => Png(PaletteType, i => [digit[i]],
                ("PLTE", [.. Enumerable.Range(0, 256).SelectMany(v => new[] { (byte)v, (byte)v, (byte)v })]),
                ("tRNS", [.. Enumerable.Range(0, 256).Select(v => (byte)(255 - v))])),
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

    /// <summary>A valid 1-bit grey PNG of width x height black pixels: a small file, 4 bytes a pixel once decoded to RGBA.</summary>
    public static byte[] BlackBomb(int width, int height)
    {
        var row = new byte[1 + ((width + 7) / 8)];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++) zlib.Write(row);
        }
        return PngFile(Header(width, height, bitDepth: 1, GreyType), compressed.ToArray());
    }

    private static byte[] Png(byte colourType, Func<int, byte[]> pixel, params (string Type, byte[] Data)[] extra)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < Side; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < Side; x++) raw.Write(pixel((y * Side) + x));
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }
        return PngFile(Header(Side, Side, bitDepth: 8, colourType), compressed.ToArray(), extra);
    }

    private static byte[] Header(int width, int height, byte bitDepth, byte colourType)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (bitDepth, colourType);
        return header;
    }

    private static byte[] PngFile(byte[] header, byte[] idat, params (string Type, byte[] Data)[] extra)
    {
        var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(file, "IHDR", header);
        foreach (var (type, data) in extra) Chunk(file, type, data);
        Chunk(file, "IDAT", idat);
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.HashToUInt32(typed));
        file.Write(number);
    }
}
