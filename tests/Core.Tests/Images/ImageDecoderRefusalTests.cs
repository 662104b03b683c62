using SkiaSharp;
using TrainingService.Core.Images;
using TrainingService.Tests.Shared;

namespace TrainingService.Core.Tests.Images;

/// <summary>What the decoder refuses, and that it refuses an oversized image from its header, before any pixel buffer exists.</summary>
[Collection(PeakMemoryCollection.Name)]
public sealed class ImageDecoderRefusalTests
{
    private const long HundredMegabytes = 100L << 20;

    [Fact]
    public void A_png_declaring_30000_by_30000_pixels_is_refused_before_decoding()
    {
        var bomb = PngFiles.BlackBomb(30_000, 30_000);
        var peakBefore = PeakMemoryCollection.PeakResidentBytes();

        var header = Assert.Throws<InvalidImageException>(() => ImageDecoder.ReadHeader("bomb.png", bomb, new ImageLimits()));
        var decode = Assert.Throws<InvalidImageException>(() => ImageDecoder.Decode("bomb.png", bomb, 1, (28, 28), new ImageLimits()));

        var growth = PeakMemoryCollection.PeakResidentBytes() - peakBefore;
        Assert.True(bomb.Length < 1 << 20, $"the bomb is {bomb.Length} bytes");
        Assert.Equal("bomb.png: is 30000x30000 pixels; images may be at most 4096 pixels wide and high", header.Message);
        Assert.Equal(header.Message, decode.Message);
        Assert.True(growth < HundredMegabytes, $"peak memory grew by {growth} bytes");
    }

    [Fact]
    public void The_bomb_construction_is_a_valid_png_that_decodes_when_it_is_small()
    {
        using var pixels = ImageDecoder.Decode("small.png", PngFiles.BlackBomb(300, 200), 3, resize: null, new ImageLimits());

        Assert.Equal([3L, 200, 300], pixels.shape);
        Assert.All(pixels.data<byte>().ToArray(), value => Assert.Equal(0, value));
    }

    [Fact]
    public void An_image_with_more_pixels_than_allowed_is_refused_though_each_side_is_within_the_limit()
    {
        var limits = new ImageLimits { MaxSide = 4096, MaxPixels = 1000 };

        var refused = Assert.Throws<InvalidImageException>(() => ImageDecoder.ReadHeader("wide.png", PngFiles.BlackBomb(40, 30), limits));
        var accepted = ImageDecoder.ReadHeader("exact.png", PngFiles.BlackBomb(40, 25), limits);

        Assert.Equal("wide.png: is 40x30 = 1200 pixels; images may have at most 1000 pixels", refused.Message);
        Assert.Equal(new ImageHeader(40, 25, IsGrey: true), accepted);
    }

    [Theory]
    [InlineData("text", "notes.png: is not a PNG or JPEG image, or it is corrupt")]
    [InlineData("empty", "empty.png: is not a PNG or JPEG image, or it is corrupt")]
    [InlineData("webp", "picture.webp: is a Webp image; only PNG and JPEG are accepted")]
    public void Bytes_that_are_not_a_png_or_jpeg_are_refused_naming_the_file(string kind, string message)
    {
        var (name, bytes) = kind switch
        {
            "text" => ("notes.png", "not an image"u8.ToArray()),
            "empty" => ("empty.png", Array.Empty<byte>()),
            _ => ("picture.webp", Webp()),
        };

        var error = Assert.Throws<InvalidImageException>(() => ImageDecoder.Decode(name, bytes, 3, resize: null, new ImageLimits()));

        Assert.Equal(message, error.Message);
        Assert.Equal(name, error.FileName);
    }

    [Fact]
    public void A_truncated_png_is_refused_as_truncated_and_a_damaged_one_as_corrupt()
    {
        var png = PngFiles.RgbPng(64, 64, (y, x) => ((byte)(y * 3), (byte)(x * 2), (byte)(x ^ y)));
        var truncated = png[..(png.Length / 2)];
        var damaged = (byte[])png.Clone();
        damaged.AsSpan(60, 40).Fill(0xA5);

        var cut = Assert.Throws<InvalidImageException>(() => ImageDecoder.Decode("cut.png", truncated, 1, resize: null, new ImageLimits()));
        var broken = Assert.Throws<InvalidImageException>(() => ImageDecoder.Decode("broken.png", damaged, 1, resize: null, new ImageLimits()));

        Assert.Equal("cut.png: is corrupt: the file ends before all its pixels (truncated)", cut.Message);
        Assert.StartsWith("broken.png: is corrupt", broken.Message);
    }

    private static byte[] Webp()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(4, 4, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Webp, 90);
        return data.ToArray();
    }
}
