using SkiaSharp;
using TrainingService.Contracts.Predictions;
using static TorchSharp.torch;

namespace TrainingService.Core.Prediction;

/// <summary>
/// The float [N, C, H, W] batch a network reads, as one PNG per image: each image stretched from its own minimum
/// (black) to its maximum (white), so a normalised digit looks as it is fed, zero padding and all.
/// </summary>
public static class NetworkInputImages
{
    public static IReadOnlyList<NetworkInputImage> From(Tensor input)
    {
        var (n, channels, height, width) = ((int)input.shape[0], (int)input.shape[1], (int)input.shape[2], (int)input.shape[3]);
        var shown = channels == 3 ? 3 : 1;
        var values = input.narrow(1, 0, shown).to(float32).contiguous().data<float>().ToArray();
        var perImage = shown * height * width;
        var images = new List<NetworkInputImage>(n);
        for (var i = 0; i < n; i++)
        {
            var image = new ReadOnlySpan<float>(values, i * perImage, perImage);
            var (minimum, maximum) = (float.PositiveInfinity, float.NegativeInfinity);
            foreach (var value in image)
            {
                minimum = Math.Min(minimum, value);
                maximum = Math.Max(maximum, value);
            }
            images.Add(new NetworkInputImage(channels, height, width, minimum, maximum, Png(image, shown, height, width, minimum, maximum)));
        }
        return images;
    }

    private static byte[] Png(ReadOnlySpan<float> planes, int channels, int height, int width, float minimum, float maximum)
    {
        var scale = maximum > minimum ? 255f / (maximum - minimum) : 0f;
        var rgba = new byte[height * width * 4];
        var plane = height * width;
        for (var pixel = 0; pixel < plane; pixel++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                var value = planes[(channels == 3 ? channel * plane : 0) + pixel];
                rgba[(pixel * 4) + channel] = (byte)Math.Clamp(MathF.Round((value - minimum) * scale), 0, 255);
            }
            rgba[(pixel * 4) + 3] = 255;
        }
        using var bitmap = SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul), rgba);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
