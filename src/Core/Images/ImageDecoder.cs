using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TrainingService.Core.Images;

/// <summary>
/// The one way PNG and JPEG files become pixels, for dataset uploads and predictions alike. The header is
/// read first (SkiaSharp's codec parses only the header when it is created) and checked against the
/// <see cref="ImageLimits"/> before any pixel buffer is allocated. Every image is then decoded to the same
/// layout, RGBA with unpremultiplied alpha, and converted as whole tensors the way PIL and torchvision do:
/// alpha is dropped without compositing, a palette is expanded, grey is replicated to RGB, and colour
/// becomes grey by PIL's <c>convert("L")</c> luminance (ITU-R 601-2).
/// </summary>
public static class ImageDecoder
{
    // PIL's fixed-point form of L = R*299/1000 + G*587/1000 + B*114/1000, rounded: (R*19595 + G*38470 + B*7471 + 2^15) >> 16.
    // The weights sum to 2^16, so grey pixels (R = G = B) keep their value exactly.
    private const int RedWeight = 19595;
    private const int GreenWeight = 38470;
    private const int BlueWeight = 7471;
    private const int LuminanceShift = 16;

    /// <exception cref="InvalidImageException">Not a PNG or JPEG, or it declares more pixels than the limits allow.</exception>
    public static ImageHeader ReadHeader(string fileName, byte[] bytes, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(limits);
        using var codec = OpenCodec(fileName, bytes);
        return CheckedHeader(fileName, codec, limits);
    }

    /// <summary>Decodes to uint8 [channels, height, width]: grey for 1 channel, RGB for 3, resized bilinearly (antialiased) if asked.</summary>
    /// <exception cref="InvalidImageException">Not a PNG or JPEG, corrupt or truncated, or larger than the limits allow.</exception>
    public static Tensor Decode(string fileName, byte[] bytes, int channels, (int Height, int Width)? resize, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(limits);
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "images are decoded to 1 (grey) or 3 (RGB) channels");
        }
        if (resize is { Height: <= 0 } or { Width: <= 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(resize), resize, "resize sides must be positive");
        }

        using var codec = OpenCodec(fileName, bytes);
        var header = CheckedHeader(fileName, codec, limits);
        using var scope = torch.NewDisposeScope();
        var rgba = DecodeRgba(fileName, codec, header);
        var image = channels == 3 ? rgba.narrow(2, 0, 3).permute(2, 0, 1) : Luminance(rgba);
        if (channels == 1)
        {
            rgba.Dispose();
        }
        if (resize is { } size && (size.Height != header.Height || size.Width != header.Width))
        {
            image = Resized(image, size);
        }

        return image.contiguous().MoveToOuterDisposeScope();
    }

    private static SKCodec OpenCodec(string fileName, byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        var codec = SKCodec.Create(data)
            ?? throw new InvalidImageException(fileName, "is not a PNG or JPEG image, or it is corrupt");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            var format = codec.EncodedFormat;
            codec.Dispose();
            throw new InvalidImageException(fileName, $"is a {format} image; only PNG and JPEG are accepted");
        }

        return codec;
    }

    private static ImageHeader CheckedHeader(string fileName, SKCodec codec, ImageLimits limits)
    {
        var header = new ImageHeader(codec.Info.Width, codec.Info.Height, codec.Info.ColorType == SKColorType.Gray8);
        if (header.Width <= 0 || header.Height <= 0)
        {
            throw new InvalidImageException(fileName, $"declares an image of {header.Width}x{header.Height} pixels");
        }
        if (Math.Max(header.Width, header.Height) > limits.MaxSide)
        {
            throw new InvalidImageException(fileName,
                $"is {header.Width}x{header.Height} pixels; images may be at most {limits.MaxSide} pixels wide and high");
        }
        if (header.Pixels > Math.Min(limits.MaxPixels, ImageLimits.MaxSupportedPixels))
        {
            throw new InvalidImageException(fileName,
                $"is {header.Width}x{header.Height} = {header.Pixels} pixels; images may have at most {limits.MaxPixels} pixels");
        }

        return header;
    }

    /// <summary>Decodes straight into the memory of a uint8 [height, width, 4] tensor, so the pixels exist once.</summary>
    private static unsafe Tensor DecodeRgba(string fileName, SKCodec codec, ImageHeader header)
    {
        var info = new SKImageInfo(header.Width, header.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = torch.empty([header.Height, header.Width, info.BytesPerPixel], ScalarType.Byte);
        SKCodecResult result;
        fixed (byte* pixels = rgba.bytes)
        {
            result = codec.GetPixels(info, (IntPtr)pixels);
        }
        if (result != SKCodecResult.Success)
        {
            throw new InvalidImageException(fileName, result == SKCodecResult.IncompleteInput
                ? "is corrupt: the file ends before all its pixels (truncated)"
                : $"is corrupt: decoding stopped with '{result}'");
        }

        return rgba;
    }

    // Temporaries are freed as soon as they are used: at 4096 x 4096 each int32 or float plane is 64 MB.
    private static Tensor Luminance(Tensor rgba)
    {
        using var scope = torch.NewDisposeScope();
        var sum = Weighted(rgba, 0, RedWeight);
        using (var green = Weighted(rgba, 1, GreenWeight))
        {
            sum.add_(green);
        }
        using (var blue = Weighted(rgba, 2, BlueWeight))
        {
            sum.add_(blue);
        }
        sum.add_(1 << (LuminanceShift - 1)).bitwise_right_shift_(LuminanceShift);
        return sum.to_type(ScalarType.Byte).unsqueeze(0).MoveToOuterDisposeScope();
    }

    private static Tensor Weighted(Tensor rgba, int channel, int weight)
    {
        using var plane = rgba.select(2, channel);
        return plane.to_type(ScalarType.Int32).mul_(weight);
    }

    /// <summary>Bilinear with antialiasing, as torchvision's Resize on tensors; one channel at a time, since channels do not mix.</summary>
    private static Tensor Resized(Tensor image, (int Height, int Width) size)
    {
        var planes = new List<Tensor>();
        for (var channel = 0; channel < image.shape[0]; channel++)
        {
            using var scope = torch.NewDisposeScope();
            var plane = image.narrow(0, channel, 1).unsqueeze(0).to_type(ScalarType.Float32);
            var resized = F.interpolate(plane, [size.Height, size.Width], mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
            planes.Add(resized.squeeze(0).round().clamp(0, 255).to_type(ScalarType.Byte).MoveToOuterDisposeScope());
        }
        return torch.cat(planes, 0);
    }
}
