using TorchSharp;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>How the importer turns the images it accepts into stored pixels: channels, formats, sizes.</summary>
public sealed class ImageFolderDecodingTests : IDisposable
{
    private readonly ImportTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task All_grey_images_are_stored_as_one_channel_and_a_grey_colour_mix_as_three()
    {
        var grey = new UploadZip().Add("train/a/1.png", EncodedImages.GreyPng(2, 2, 5)).Add("train/b/1.png", EncodedImages.GreyPng(2, 2, 6))
            .Add("test/a/1.png", EncodedImages.GreyPng(2, 2, 7));
        var mixed = new UploadZip().Add("train/a/1.png", EncodedImages.GreyPng(2, 2, 5)).Add("train/b/1.png", EncodedImages.Png(2, 2, 6))
            .Add("test/a/1.png", EncodedImages.GreyPng(2, 2, 7));

        var greyManifest = await bed.ImportAsync(grey);
        var mixedManifest = await bed.ImportAsync(mixed);

        Assert.Equal((1, 3), (greyManifest.Channels, mixedManifest.Channels));
        using var splits = await bed.Catalog.Open(mixedManifest.Id).LoadAsync(CancellationToken.None);
        Assert.Equal(new byte[] { 5, 6, 15, 16, 5, 6, 15, 16, 5, 6, 15, 16 }, splits.Train.Images[0].data<byte>().ToArray());
    }

    [Fact]
    public async Task Jpeg_images_are_decoded_to_close_to_their_colours()
    {
        var zip = new UploadZip().Add("train/a/1.jpg", EncodedImages.Jpeg(8, 8, 40)).Add("train/b/1.jpeg", EncodedImages.Jpeg(8, 8, 40))
            .Add("test/a/1.jpg", EncodedImages.Jpeg(8, 8, 40));
        var manifest = await bed.ImportAsync(zip);

        using var splits = await bed.Catalog.Open(manifest.Id).LoadAsync(CancellationToken.None);

        var green = splits.Train.Images[0, 1].to_type(torch.ScalarType.Int32);
        Assert.True((green - 140).abs().max().item<int>() <= 6);
    }

    [Fact]
    public async Task Images_of_different_sizes_are_accepted_when_a_resize_is_given_and_resized_bilinearly()
    {
        var zip = new UploadZip().Add("train/a/big.png", EncodedImages.Png(8, 6, 0)).Add("train/b/small.png", EncodedImages.Png(2, 2, 9))
            .Add("test/a/1.png", EncodedImages.Png(4, 3, 0));

        var manifest = await bed.ImportAsync(zip, resize: (3, 4));

        Assert.Equal((3, 3, 4), (manifest.Channels, manifest.Height, manifest.Width));
        using var splits = await bed.Catalog.Open(manifest.Id).LoadAsync(CancellationToken.None);
        Assert.Equal(ExpectedImage(0), splits.Test.Images[0].data<byte>().ToArray());
        Assert.All(splits.Train.Images[1, 1].data<byte>().ToArray(), green => Assert.Equal(109, green));
    }

    [Fact]
    public async Task Folder_entries_and_archiver_metadata_are_ignored()
    {
        var zip = UploadZip.TwoClasses().Add("train/", []).Add("train/cat/", []).Add("__MACOSX/train/cat/._a.png", [0])
            .Add("train/dog/.DS_Store", [0]).Add("test/cat/Thumbs.db", [0]);

        var manifest = await bed.ImportAsync(zip);

        Assert.Equal((3, 1, true), (manifest.TrainCount, manifest.TestCount, manifest.TestHeldOut));
    }

    private static byte[] ExpectedImage(int seed) =>
        [.. from c in Enumerable.Range(0, 3) from y in Enumerable.Range(0, 3) from x in Enumerable.Range(0, 4) select EncodedImages.Expected(seed, c, y, x)];
}
