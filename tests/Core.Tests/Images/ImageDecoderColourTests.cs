using SkiaSharp;
using TrainingService.Core.Images;
using TrainingService.Tests.Shared;

namespace TrainingService.Core.Tests.Images;

/// <summary>
/// Every PNG colour type and RGB JPEG decode to the channels asked for, as PIL and torchvision would:
/// alpha dropped without compositing, palettes expanded, grey replicated, colour to grey by ITU-R 601-2 luminance.
/// </summary>
public sealed class ImageDecoderColourTests
{
    /// <summary>Pixel (y, x) of the 4x2 test images is entry 4y + x; L is what PIL 9.4's <c>Image.convert("L")</c> gives for it.</summary>
    private static readonly (byte R, byte G, byte B, byte L)[] Colours =
    [
        (255, 0, 0, 76), (0, 255, 0, 150), (0, 0, 255, 29), (200, 100, 50, 124),
        (13, 77, 250, 78), (128, 128, 128, 128), (255, 255, 255, 255), (1, 2, 3, 2),
    ];

    private static readonly byte[] Alphas = [0, 1, 64, 127, 128, 200, 254, 255];

    private const int Width = 4;
    private const int Height = 2;

    [Fact]
    public void An_rgb_png_decodes_to_its_colours_and_to_grey_by_luminance()
    {
        var png = PngFiles.RgbPng(Width, Height, (y, x) => { var c = Colour(y, x); return (c.R, c.G, c.B); });

        Assert.Equal(ExpectedRgb(), Decode(png, 3));
        Assert.Equal(ExpectedGrey(), Decode(png, 1));
    }

    [Fact]
    public void An_rgba_png_drops_its_alpha_without_compositing_the_colours()
    {
        var png = PngFiles.RgbaPng(Width, Height, (y, x) => { var c = Colour(y, x); return (c.R, c.G, c.B, Alphas[(4 * y) + x]); });

        Assert.Equal(ExpectedRgb(), Decode(png, 3));
        Assert.Equal(ExpectedGrey(), Decode(png, 1));
    }

    [Fact]
    public void A_palette_png_with_transparency_is_expanded_to_its_palette_colours()
    {
        var palette = Colours.Select((c, i) => (c.R, c.G, c.B, Alphas[i])).Reverse().ToArray();
        var png = PngFiles.PalettePng(Width, Height, palette, (y, x) => (byte)(Colours.Length - 1 - ((4 * y) + x)));

        Assert.Equal(ExpectedRgb(), Decode(png, 3));
        Assert.Equal(ExpectedGrey(), Decode(png, 1));
    }

    [Fact]
    public void A_grey_png_keeps_its_values_and_replicates_them_to_rgb()
    {
        var png = PngFiles.GreyPng(Width, Height, (y, x) => Colour(y, x).L);

        Assert.Equal(ExpectedGrey(), Decode(png, 1));
        Assert.Equal([.. ExpectedGrey(), .. ExpectedGrey(), .. ExpectedGrey()], Decode(png, 3));
    }

    [Fact]
    public void A_grey_and_alpha_png_drops_its_alpha_and_replicates_the_grey_to_rgb()
    {
        var png = PngFiles.GreyAlphaPng(Width, Height, (y, x) => (Colour(y, x).L, Alphas[(4 * y) + x]));

        Assert.Equal(ExpectedGrey(), Decode(png, 1));
        Assert.Equal([.. ExpectedGrey(), .. ExpectedGrey(), .. ExpectedGrey()], Decode(png, 3));
    }

    [Fact]
    public void An_rgb_jpeg_decodes_close_to_its_colours_and_its_grey_is_exactly_the_luminance_of_its_decoded_rgb()
    {
        var jpeg = Jpeg(16, 16, (y, x) => ((byte)(40 + (8 * x)), 140, (byte)(200 - (5 * y))));

        var rgb = Decode(jpeg, 3);
        var grey = Decode(jpeg, 1);

        Assert.Equal(3 * 16 * 16, rgb.Length);
        Assert.All(Enumerable.Range(0, 16 * 16), i => Assert.InRange(rgb[(16 * 16) + i], 134, 146));
        Assert.Equal(Enumerable.Range(0, 16 * 16).Select(i => PilLuminance(rgb[i], rgb[(16 * 16) + i], rgb[(2 * 16 * 16) + i])), grey);
    }

    [Fact]
    public void Luminance_matches_pils_rounded_itu_601_formula_across_many_colours()
    {
        var random = new Random(601);
        var pixels = Enumerable.Range(0, 64 * 64).Select(_ => ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))).ToArray();
        var png = PngFiles.RgbPng(64, 64, (y, x) => pixels[(64 * y) + x]);

        Assert.Equal(pixels.Select(p => PilLuminance(p.Item1, p.Item2, p.Item3)), Decode(png, 1));
    }

    [Fact]
    public void A_colour_image_resized_to_grey_is_its_luminance_resized()
    {
        var png = PngFiles.RgbPng(8, 6, (y, x) => ((byte)(30 * x), (byte)(40 * y), (byte)(255 - (20 * x))));
        var grey = PngFiles.GreyPng(8, 6, (y, x) => PilLuminance((byte)(30 * x), (byte)(40 * y), (byte)(255 - (20 * x))));

        using var fromColour = ImageDecoder.Decode("colour.png", png, 1, (3, 4), new ImageLimits());
        using var fromGrey = ImageDecoder.Decode("grey.png", grey, 1, (3, 4), new ImageLimits());

        Assert.Equal([1L, 3, 4], fromColour.shape);
        Assert.Equal(fromGrey.data<byte>().ToArray(), fromColour.data<byte>().ToArray());
    }

    /// <summary>PIL's <c>convert("L")</c>: L = R*299/1000 + G*587/1000 + B*114/1000 in 16-bit fixed point, rounded to nearest.</summary>
    private static byte PilLuminance(byte r, byte g, byte b) => (byte)(((r * 19595) + (g * 38470) + (b * 7471) + 32768) >> 16);

    private static (byte R, byte G, byte B, byte L) Colour(int y, int x) => Colours[(Width * y) + x];

    private static byte[] ExpectedRgb() => [.. Colours.Select(c => c.R), .. Colours.Select(c => c.G), .. Colours.Select(c => c.B)];

    private static byte[] ExpectedGrey()
    {
        Assert.All(Colours, c => Assert.Equal(c.L, PilLuminance(c.R, c.G, c.B)));
        return [.. Colours.Select(c => c.L)];
    }

    private static byte[] Decode(byte[] image, int channels)
    {
        using var pixels = ImageDecoder.Decode("image", image, channels, resize: null, new ImageLimits());
        var (_, height, width) = (pixels.shape[0], pixels.shape[1], pixels.shape[2]);
        Assert.Equal([channels, height, width], pixels.shape);
        return pixels.data<byte>().ToArray();
    }

    private static byte[] Jpeg(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            var (r, g, b) = pixel(i / width, i % width);
            (rgba[4 * i], rgba[(4 * i) + 1], rgba[(4 * i) + 2], rgba[(4 * i) + 3]) = (r, g, b, 255);
        }
        using var image = SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul), rgba);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }
}
