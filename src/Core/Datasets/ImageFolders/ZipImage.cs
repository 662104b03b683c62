using System.IO.Compression;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// Reads and decodes one image entry of an upload with SkiaSharp (the decoder TorchSharp already ships),
/// turning every failure into an <see cref="InvalidDatasetUploadException"/> that names the entry.
/// </summary>
internal static class ZipImage
{
    public static byte[] ReadAll(ZipArchiveEntry entry)
    {
        try
        {
            using var stream = entry.Open();
            var bytes = new byte[entry.Length];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return read == bytes.Length && stream.ReadByte() < 0
                ? bytes
                : throw new InvalidDatasetUploadException(entry.FullName, "is corrupt: its size differs from what the zip declares");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDatasetUploadException(entry.FullName, $"is corrupt in the zip: {e.Message}", e);
        }
    }

    public static SKCodec OpenCodec(string entry, byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        var codec = SKCodec.Create(data);
        if (codec is null)
        {
            throw new InvalidDatasetUploadException(entry, "is not a PNG or JPEG image, or it is corrupt");
        }

        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            var format = codec.EncodedFormat;
            codec.Dispose();
            throw new InvalidDatasetUploadException(entry, $"is a {format} image; only PNG and JPEG are accepted");
        }

        return codec;
    }

    /// <summary>Decodes to uint8 [channels, height, width], grey for 1 channel and RGB (alpha dropped) for 3, resized bilinearly if asked.</summary>
    public static Tensor Decode(string entry, byte[] bytes, int channels, (int Height, int Width)? resize)
    {
        using var codec = OpenCodec(entry, bytes);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var info = channels == 1
            ? new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque)
            : new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var result = codec.GetPixels(info, out var pixels);
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDatasetUploadException(entry, $"is corrupt: decoding stopped with '{result}'");
        }

        using var scope = torch.NewDisposeScope();
        var image = torch.tensor(pixels, [height, width, info.BytesPerPixel]).narrow(2, 0, channels).permute(2, 0, 1);
        if (resize is { } size && (size.Height != height || size.Width != width))
        {
            var resized = F.interpolate(image.unsqueeze(0).to_type(ScalarType.Float32), [size.Height, size.Width],
                mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
            image = resized.squeeze(0).round().clamp(0, 255).to_type(ScalarType.Byte);
        }

        return image.contiguous().MoveToOuterDisposeScope();
    }
}
