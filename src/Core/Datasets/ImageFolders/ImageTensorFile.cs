using System.Buffers.Binary;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// One split of an imported image folder, laid out so loading is a single read into tensor memory:
/// a 32-byte little-endian header (8-byte magic "TSIMAGES", int32 version 1, int32 channels, height and
/// width, int64 count), then count x channels x height x width uint8 pixels in NCHW order, then count
/// int64 labels. The length must match the header exactly, which catches truncated and appended files.
/// </summary>
public static class ImageTensorFile
{
    public const int HeaderBytes = 32;
    private const int Version = 1;
    private static ReadOnlySpan<byte> Magic => "TSIMAGES"u8;

    public static void Write(string path, LabeledImages split)
    {
        ArgumentNullException.ThrowIfNull(split);
        using var scope = torch.NewDisposeScope();
        var images = split.Images.cpu().contiguous();
        var labels = split.Labels.cpu().contiguous();
        Span<byte> header = stackalloc byte[HeaderBytes];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        for (var dim = 1; dim <= 3; dim++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header[(8 + (4 * dim))..], checked((int)images.shape[dim]));
        }

        BinaryPrimitives.WriteInt64LittleEndian(header[24..], images.shape[0]);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(header);
        TensorBytes.Write(stream, images);
        TensorBytes.Write(stream, labels);
    }

    /// <exception cref="InvalidDatasetFileException">The header or the length is wrong.</exception>
    public static LabeledImages Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[HeaderBytes];
        if (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes || !header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDatasetFileException(fileName, $"does not start with the {HeaderBytes}-byte '{Encoding.ASCII.GetString(Magic)}' header");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        var (c, h, w) = (BinaryPrimitives.ReadInt32LittleEndian(header[12..]), BinaryPrimitives.ReadInt32LittleEndian(header[16..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[20..]));
        var count = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        if (version != Version || c <= 0 || h <= 0 || w <= 0 || count < 0)
        {
            throw new InvalidDatasetFileException(fileName, $"has an unsupported header: version {version}, {count} x {c} x {h} x {w}");
        }

        var expected = HeaderBytes + (count * c * h * w) + (count * sizeof(long));
        if (stream.Length != expected)
        {
            throw new InvalidDatasetFileException(fileName, $"holds {stream.Length} bytes but its header ({count} x {c} x {h} x {w}) needs {expected}");
        }

        using var scope = torch.NewDisposeScope();
        var images = torch.empty([count, c, h, w], ScalarType.Byte);
        var labels = torch.empty([count], ScalarType.Int64);
        if (!TensorBytes.TryFill(stream, images) || !TensorBytes.TryFill(stream, labels))
        {
            throw new InvalidDatasetFileException(fileName, "ended while it was being read");
        }

        return new LabeledImages(images, labels);
    }
}
