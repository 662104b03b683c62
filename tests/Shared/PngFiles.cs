using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace TrainingService.Tests.Shared;

/// <summary>
/// PNG files written byte by byte, so every colour type is covered (SkiaSharp's encoder writes neither
/// palette nor grey+alpha PNGs) and a file can declare any size, however few pixels it really holds.
/// </summary>
internal static class PngFiles
{
    private const byte Grey = 0;
    private const byte Rgb = 2;
    private const byte Palette = 3;
    private const byte GreyAlpha = 4;
    private const byte Rgba = 6;

    public static byte[] RgbPng(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel) =>
        Encode(width, height, Rgb, 3, (y, x) => { var (r, g, b) = pixel(y, x); return [r, g, b]; });

    public static byte[] RgbaPng(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel) =>
        Encode(width, height, Rgba, 4, (y, x) => { var (r, g, b, a) = pixel(y, x); return [r, g, b, a]; });

    public static byte[] GreyPng(int width, int height, Func<int, int, byte> pixel) =>
        Encode(width, height, Grey, 1, (y, x) => [pixel(y, x)]);

    public static byte[] GreyAlphaPng(int width, int height, Func<int, int, (byte Grey, byte A)> pixel) =>
        Encode(width, height, GreyAlpha, 2, (y, x) => { var (v, a) = pixel(y, x); return [v, a]; });

    /// <summary>A palette PNG with a tRNS chunk giving each palette entry its alpha.</summary>
    public static byte[] PalettePng(int width, int height, IReadOnlyList<(byte R, byte G, byte B, byte A)> palette, Func<int, int, byte> index)
    {
        var plte = palette.SelectMany(c => new[] { c.R, c.G, c.B }).ToArray();
        var trns = palette.Select(c => c.A).ToArray();
        return Encode(width, height, Palette, 1, (y, x) => [index(y, x)], ("PLTE", plte), ("tRNS", trns));
    }

    /// <summary>
    /// A valid 1-bit grey PNG of width x height black pixels: a few hundred kilobytes at most, because its
    /// zlib stream compresses long runs of zero bytes, yet 4 bytes per pixel once decoded to RGBA.
    /// </summary>
    public static byte[] BlackBomb(int width, int height)
    {
        var row = new byte[1 + ((width + 7) / 8)];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++) zlib.Write(row);
        }
        return File(Header(width, height, bitDepth: 1, Grey), compressed.ToArray());
    }

    private static byte[] Encode(int width, int height, byte colourType, int samples, Func<int, int, byte[]> pixel,
        params (string Type, byte[] Data)[] extra)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var bytes = pixel(y, x);
                if (bytes.Length != samples) throw new ArgumentException($"colour type {colourType} has {samples} samples per pixel");
                raw.Write(bytes);
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }
        return File(Header(width, height, bitDepth: 8, colourType), compressed.ToArray(), extra);
    }

    private static byte[] Header(int width, int height, byte bitDepth, byte colourType)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (bitDepth, colourType);
        return header;
    }

    private static byte[] File(byte[] header, byte[] idat, params (string Type, byte[] Data)[] extra)
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
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        file.Write(crc);
    }
}
