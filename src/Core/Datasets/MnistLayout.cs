namespace TrainingService.Core.Datasets;

/// <summary>
/// The four files every MNIST-style dataset ships (60,000 training and 10,000 test images of 28x28),
/// whose uncompressed sizes follow from the IDX format: 16-byte image header, 8-byte label header.
/// </summary>
internal static class MnistLayout
{
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    public const int TrainCount = 60_000;
    public const int TestCount = 10_000;
    public const int Side = 28;

    public static long ImagesSize(int count) => 16 + ((long)count * Side * Side);

    public static long LabelsSize(int count) => 8 + count;

    public static DatasetFile File(string name, string? sha256, long size, string gzipMd5, IEnumerable<string> mirrors) =>
        new(name, sha256, size, mirrors.Select(mirror => $"{mirror}{name}.gz").ToArray(), gzipMd5);
}
