using TorchSharp;
using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

public sealed class IdxDatasetSourceTests : IDisposable
{
    private readonly TempFolder root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Loading_gives_uint8_images_as_n_c_h_w_and_int64_labels_for_both_splits()
    {
        using var scope = torch.NewDisposeScope();
        var definition = TinyIdxDataset.Write(root, trainLabels: [2, 0, 1, 2], testLabels: [1]);

        using var splits = await new IdxDatasetSource(definition, Store()).LoadAsync(CancellationToken.None);

        Assert.Equal(new long[] { 4, 1, 2, 3 }, splits.Train.Images.shape);
        Assert.Equal(torch.ScalarType.Byte, splits.Train.Images.dtype);
        Assert.Equal(torch.ScalarType.Int64, splits.Train.Labels.dtype);
        Assert.Equal(new long[] { 2, 0, 1, 2 }, splits.Train.Labels.data<long>().ToArray());
        Assert.Equal(2, splits.Train.Images[0, 0, 1, 2].item<byte>());
        Assert.Equal(1, splits.Test.Count);
    }

    [Fact]
    public async Task Image_and_label_files_of_different_lengths_are_rejected_naming_both_files()
    {
        var definition = TinyIdxDataset.Write(root, trainLabels: [0, 1, 2], testLabels: [1], trainImages: 4);

        var error = await Assert.ThrowsAsync<InvalidDatasetFileException>(
            () => new IdxDatasetSource(definition, Store()).LoadAsync(CancellationToken.None));

        Assert.Equal("train-images: holds 4 images but train-labels holds 3 labels", error.Message);
    }

    [Fact]
    public async Task A_label_outside_the_class_list_is_rejected_with_its_index()
    {
        var definition = TinyIdxDataset.Write(root, trainLabels: [0, 3], testLabels: [1]);

        var error = await Assert.ThrowsAsync<InvalidDatasetFileException>(
            () => new IdxDatasetSource(definition, Store()).LoadAsync(CancellationToken.None));

        Assert.Equal("train-labels: label 3 at index 1 is not one of the 3 classes", error.Message);
    }

    private DatasetFileStore Store() => new(root.Path, http: null);
}
