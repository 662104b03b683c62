namespace TrainingService.Core.Datasets;

/// <summary>
/// Reader of the IDX format used by MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/):
/// a big-endian header (two zero bytes, the element type, the dimension count, one int32 per dimension)
/// followed by exactly the declared number of elements.
/// </summary>
public static class IdxFile
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an unsigned-byte IDX file of three dimensions (count, rows, columns).</summary>
    /// <exception cref="InvalidDatasetFileException">The header or the length does not match the format.</exception>
    public static IdxImages ReadImages(Stream s, string fileName)
    {
        ArgumentNullException.ThrowIfNull(s);
        var dims = IdxHeader.Read(s, fileName, ImagesMagic, "images");
        var (count, rows, columns) = (dims[0], dims[1], dims[2]);
        var pixels = IdxPayload.Read(
            s, fileName, count, (long)rows * columns, $"images of {rows}x{columns}");
        return new IdxImages(count, rows, columns, pixels);
    }

    /// <summary>Reads an unsigned-byte IDX file of one dimension (count).</summary>
    /// <exception cref="InvalidDatasetFileException">The header or the length does not match the format.</exception>
    public static byte[] ReadLabels(Stream s, string fileName)
    {
        ArgumentNullException.ThrowIfNull(s);
        var dims = IdxHeader.Read(s, fileName, LabelsMagic, "labels");
        return IdxPayload.Read(s, fileName, dims[0], 1, "labels");
    }
}
