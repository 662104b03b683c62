using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Cifar;

/// <summary>
/// Reader of CIFAR's binary batch files: fixed-size records of one label byte followed by the image as
/// 1,024 red, 1,024 green and 1,024 blue bytes, each plane 32x32 row-major. That is already NCHW, so the
/// file is read straight into one tensor and the images are a reshape of it.
/// </summary>
public static class CifarBinaryFile
{
    public const int Channels = 3;
    public const int Side = 32;
    public const int ImageBytes = Channels * Side * Side;
    public const int RecordBytes = 1 + ImageBytes;

    /// <param name="expectedRecords">Records the file must hold, or null to accept any positive count.</param>
    /// <exception cref="InvalidDatasetFileException">The length, the record count or a label is wrong.</exception>
    public static LabeledImages Read(string path, int? expectedRecords, int classCount)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = Path.GetFileName(path);
        var length = new FileInfo(path).Length;
        var count = length / RecordBytes;
        if (length == 0 || length % RecordBytes != 0)
        {
            throw new InvalidDatasetFileException(fileName,
                $"holds {length} bytes: {count} whole {RecordBytes}-byte records and {length % RecordBytes} byte(s) of a truncated one");
        }

        if (expectedRecords is { } expected && count != expected)
        {
            throw new InvalidDatasetFileException(fileName, $"holds {count} records, expected {expected}");
        }

        using var scope = torch.NewDisposeScope();
        var records = torch.empty([count, RecordBytes], ScalarType.Byte);
        using (var stream = File.OpenRead(path))
        {
            if (!TensorBytes.TryFill(stream, records))
            {
                throw new InvalidDatasetFileException(fileName, "ended while it was being read");
            }
        }

        var labels = records.select(1, 0).to_type(ScalarType.Int64);
        var outOfRange = labels.ge(classCount).nonzero();
        if (outOfRange.shape[0] > 0)
        {
            var index = outOfRange[0, 0].item<long>();
            throw new InvalidDatasetFileException(
                fileName, $"record {index} has label {labels[index].item<long>()}, not one of the {classCount} classes");
        }

        var images = records.narrow(1, 1, ImageBytes).reshape(count, Channels, Side, Side).contiguous();
        return new LabeledImages(images, labels);
    }
}
