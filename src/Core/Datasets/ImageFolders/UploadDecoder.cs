using System.IO.Compression;
using TorchSharp;
using TrainingService.Core.Images;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// Decodes every image of an upload once into uint8 tensors. A first pass reads only headers, so the
/// sizes, the channel count and the memory needed are settled (and refused if out of bounds) before any
/// pixel is decoded; the second pass decodes each image straight into its slot of the split's tensor.
/// Colour wins: the images are stored grey only when every one of them is grey.
/// </summary>
internal static class UploadDecoder
{
    public static (LabeledImages Train, LabeledImages? Test) Decode(
        UploadLayout layout, (int Height, int Width)? resize, ImageFolderLimits limits, CancellationToken ct)
    {
        var all = layout.Train.Concat(layout.Test).ToArray();
        var imageLimits = limits.Images;
        var headers = all.Select(image => Refused(() => ImageDecoder.ReadHeader(image.Entry.FullName, ZipImage.ReadAll(image.Entry), imageLimits)))
            .ToArray();
        var (height, width) = resize ?? (headers[0].Height, headers[0].Width);
        if (resize is null)
        {
            var odd = Array.FindIndex(headers, h => h.Height != height || h.Width != width);
            if (odd >= 0)
            {
                throw new InvalidDatasetUploadException(all[odd].Entry.FullName,
                    $"is {headers[odd].Width}x{headers[odd].Height} pixels but {all[0].Entry.FullName} is {width}x{height}; "
                    + "give a resize [height, width] to import images of different sizes");
            }
        }

        if ((long)all.Length * height * width > limits.MaxTotalPixels)
        {
            throw new InvalidDatasetUploadException(InvalidDatasetUploadException.WholeUpload,
                $"{all.Length} images of {width}x{height} are {(long)all.Length * height * width} pixels, more than the limit of {limits.MaxTotalPixels}");
        }

        var channels = headers.All(h => h.IsGrey) ? 1 : 3;
        var train = DecodeSplit(layout.Train, channels, (height, width), imageLimits, ct);
        try
        {
            return (train, layout.Test.Count == 0 ? null : DecodeSplit(layout.Test, channels, (height, width), imageLimits, ct));
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    private static LabeledImages DecodeSplit(
        IReadOnlyList<(ZipArchiveEntry Entry, int Label)> images, int channels, (int Height, int Width) size, ImageLimits limits,
        CancellationToken ct)
    {
        using var scope = torch.NewDisposeScope();
        var pixels = torch.empty([images.Count, channels, size.Height, size.Width], ScalarType.Byte);
        for (var i = 0; i < images.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var entry = images[i].Entry;
            using var decoded = Refused(() => ImageDecoder.Decode(entry.FullName, ZipImage.ReadAll(entry), channels, size, limits));
            using var slot = pixels[i];
            slot.copy_(decoded);
        }

        var labels = torch.tensor(images.Select(image => (long)image.Label).ToArray());
        return new LabeledImages(pixels, labels);
    }

    private static T Refused<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidImageException e)
        {
            throw new InvalidDatasetUploadException(e.FileName, e.Reason, e);
        }
    }
}
