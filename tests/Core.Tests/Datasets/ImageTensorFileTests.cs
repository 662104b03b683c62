using TorchSharp;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;

namespace TrainingService.Core.Tests.Datasets;

public sealed class ImageTensorFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_split_is_a_32_byte_header_then_nchw_pixels_then_int64_labels_and_reads_back_unchanged()
    {
        using var scope = torch.NewDisposeScope();
        using var split = new LabeledImages(torch.arange(12, torch.ScalarType.Byte).view(2, 1, 2, 3), torch.tensor(new long[] { 1, 0 }));
        var path = Path.Combine(folder.Path, "train.bin");

        ImageTensorFile.Write(path, split);
        using var read = ImageTensorFile.Read(path);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(32 + 12 + 16, bytes.Length);
        Assert.Equal("TSIMAGES"u8.ToArray(), bytes[..8]);
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0], bytes[8..32]);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (byte)i), bytes[32..44]);
        Assert.True(Tensors.Same(read.Images, split.Images));
        Assert.Equal([1L, 0], read.Labels.data<long>().ToArray());
    }

    [Fact]
    public void A_truncated_file_is_refused_with_its_name_and_the_expected_length()
    {
        using var split = new LabeledImages(torch.zeros(2, 1, 2, 3, torch.ScalarType.Byte), torch.zeros(2, torch.ScalarType.Int64));
        var path = Path.Combine(folder.Path, "test.bin");
        ImageTensorFile.Write(path, split);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^1]);

        var error = Assert.Throws<InvalidDatasetFileException>(() => ImageTensorFile.Read(path));

        Assert.Equal("test.bin: holds 59 bytes but its header (2 x 1 x 2 x 3) needs 60", error.Message);
    }
}
