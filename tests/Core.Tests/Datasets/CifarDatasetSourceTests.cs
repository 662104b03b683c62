using TorchSharp;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Cifar;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Loading CIFAR-10 from files already extracted, and its registry entry.</summary>
public sealed class CifarDatasetSourceTests : IDisposable
{
    private readonly TempFolder root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Extracted_files_load_as_the_five_training_batches_in_order_and_the_test_batch()
    {
        TinyCifar.WriteExtracted(root, TinyCifar.Files());
        var source = new CifarDatasetSource(TinyCifar.Definition(), new DatasetFileStore(root.Path));

        using var splits = await source.LoadAsync(CancellationToken.None);

        Assert.Equal([1L, 0, 2, 1, 3, 2, 4, 3, 5, 4], splits.Train.Labels.data<long>().ToArray());
        Assert.Equal([9L, 8, 7], splits.Test.Labels.data<long>().ToArray());
        Assert.Equal([10L, 3, 32, 32], splits.Train.Images.shape);
        Assert.Equal(CifarBytes.Pixel(1, 0), splits.Train.Images[9, 0, 0, 0].item<byte>());
    }

    [Fact]
    public async Task Class_names_other_than_cifar_10s_are_refused()
    {
        var files = TinyCifar.Files();
        files["cifar-10-batches-bin/batches.meta.txt"] = CifarBytes.Meta(["cat", "dog"]);
        TinyCifar.WriteExtracted(root, files);
        var source = new CifarDatasetSource(TinyCifar.Definition(), new DatasetFileStore(root.Path));

        var error = await Assert.ThrowsAsync<InvalidDatasetFileException>(() => source.LoadAsync(CancellationToken.None));

        Assert.Equal("batches.meta.txt", error.FileName);
    }

    [Fact]
    public void Cifar_10_is_registered_with_the_authors_archive_and_its_published_statistics()
    {
        var registry = DatasetRegistry.CreateDefault(new DatasetFileStore(root.Path));
        var info = registry.Get("CIFAR10").Info;
        var archive = Cifar10Dataset.Definition.Archive;

        Assert.Equal(("cifar10", 3, 32, 32, 50_000, 10_000), (info.Name, info.Channels, info.Height, info.Width, info.TrainCount, info.TestCount));
        Assert.Equal(CifarBytes.ClassNames, info.ClassNames);
        Assert.Equal([0.4914f, 0.4822f, 0.4465f], info.Mean);
        Assert.Equal([0.2470f, 0.2435f, 0.2616f], info.Std);
        Assert.Equal(("c32a1d4ab5d03f1284b67883e8d87530", "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"), (archive.Md5, archive.Urls.Single()));
    }
}
