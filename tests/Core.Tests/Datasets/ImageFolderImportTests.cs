using TorchSharp;
using TrainingService.Core.Datasets.ImageFolders;

namespace TrainingService.Core.Tests.Datasets;

public sealed class ImageFolderImportTests : IDisposable
{
    private readonly ImportTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task An_upload_with_train_and_test_folders_becomes_a_dataset_described_by_its_manifest()
    {
        var zip = UploadZip.TwoClasses().Add("test/dog/c.png", EncodedImages.Png(4, 3, 4));

        var manifest = await bed.ImportAsync(zip);

        Assert.Equal(("pets", FixedTime.Instant, 3, 3, 4, 4, 1), (manifest.Name, manifest.Created, manifest.Channels,
            manifest.Height, manifest.Width, manifest.TrainCount, manifest.TestCount));
        Assert.Equal(["cat", "dog"], manifest.ClassNames);
        Assert.False(manifest.TestHeldOut);
        Assert.Equal(["dataset.json", "test.bin", "train.bin"], bed.Root.FilesIn($"imagefolder/{manifest.Id}"));
        Assert.Equal([bed.Catalog.FolderFor(manifest.Id)], bed.Leftovers());
    }

    [Fact]
    public async Task Loading_gives_back_exactly_the_encoded_png_pixels_and_labels_from_the_sorted_class_folders()
    {
        var zip = new UploadZip()
            .Add("train/dog/z.png", EncodedImages.Png(4, 3, 20))
            .Add("train/cat/y.png", EncodedImages.Png(4, 3, 10))
            .Add("test/cat/x.png", EncodedImages.Png(4, 3, 30));
        var manifest = await bed.ImportAsync(zip);

        using var splits = await bed.Catalog.Open(manifest.Id).LoadAsync(CancellationToken.None);

        Assert.Equal([0L, 1], splits.Train.Labels.data<long>().ToArray());
        Assert.Equal([0L], splits.Test.Labels.data<long>().ToArray());
        Assert.Equal(ExpectedImage(10), splits.Train.Images[0].data<byte>().ToArray());
        Assert.Equal(ExpectedImage(20), splits.Train.Images[1].data<byte>().ToArray());
        Assert.Equal(ExpectedImage(30), splits.Test.Images[0].data<byte>().ToArray());
    }

    [Fact]
    public async Task The_manifest_records_the_training_split_statistics_scaled_to_unit_range()
    {
        var zip = new UploadZip().Add("train/a/1.png", EncodedImages.Png(4, 3, 0)).Add("train/b/1.png", EncodedImages.Png(4, 3, 0))
            .Add("test/a/1.png", EncodedImages.Png(4, 3, 50));

        var manifest = await bed.ImportAsync(zip);

        // Green is seed + 100 everywhere; red is 10y + x over y < 3, x < 4: mean 11.5.
        Assert.Equal(11.5f / 255, manifest.Mean[0], 5);
        Assert.Equal(100f / 255, manifest.Mean[1], 5);
        Assert.Equal(0f, manifest.Std[1], 5);
    }

    [Fact]
    public async Task Without_a_test_folder_a_seeded_fifth_of_train_is_held_out_and_recorded()
    {
        var zip = new UploadZip();
        for (var i = 0; i < 10; i++)
        {
            zip.Add($"train/{(i % 2 == 0 ? "even" : "odd")}/{i}.png", EncodedImages.Png(2, 2, i));
        }

        var first = await bed.ImportAsync(zip);
        var second = await bed.ImportAsync(zip);

        Assert.Equal((8, 2, true, 0.2, 7L), (first.TrainCount, first.TestCount, first.TestHeldOut, first.HoldoutFraction, first.HoldoutSeed));
        using var a = await bed.Catalog.Open(first.Id).LoadAsync(CancellationToken.None);
        using var b = await bed.Catalog.Open(second.Id).LoadAsync(CancellationToken.None);
        Assert.True(Tensors.Same(a.Test.Images, b.Test.Images));
    }

    private static byte[] ExpectedImage(int seed) =>
        [.. from c in Enumerable.Range(0, 3) from y in Enumerable.Range(0, 3) from x in Enumerable.Range(0, 4) select EncodedImages.Expected(seed, c, y, x)];
}
