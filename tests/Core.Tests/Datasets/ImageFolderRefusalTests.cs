using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Uploads the importer must refuse, naming the entry and the reason, and leaving nothing behind.</summary>
public sealed class ImageFolderRefusalTests
{
    [Theory]
    [InlineData("train/cat/../../../etc/evil.png", "escapes the upload folder")]
    [InlineData("../train/cat/evil.png", "escapes the upload folder")]
    [InlineData("/train/cat/evil.png", "absolute paths are not allowed")]
    [InlineData("C:/train/cat/evil.png", "absolute paths are not allowed")]
    [InlineData("train\\cat\\evil.png", "backslashes are not allowed")]
    [InlineData("pets/train/cat/evil.png", "unknown top-level folder 'pets'")]
    [InlineData("train/evil.png", "images must sit in a class folder")]
    [InlineData("train/cat/deeper/evil.png", "folders inside a class folder are not supported")]
    public async Task Entries_outside_the_layout_are_refused(string path, string reason)
    {
        var error = await ImportTestBed.RefusedAsync(UploadZip.TwoClasses().Add(path, EncodedImages.Png(4, 3, 0)));

        Assert.Equal(path, error.Entry);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("cut after the header")]
    [InlineData("pixel data overwritten")]
    public async Task A_corrupt_png_is_refused(string damage)
    {
        var png = EncodedImages.Png(4, 3, 0);
        var broken = damage == "cut after the header" ? png[..45] : [.. png[..41], .. Enumerable.Repeat((byte)0xA5, png.Length - 53), .. png[^12..]];

        var error = await ImportTestBed.RefusedAsync(UploadZip.TwoClasses().Add("train/cat/broken.png", broken));

        Assert.Equal("train/cat/broken.png", error.Entry);
        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused()
    {
        var error = await ImportTestBed.RefusedAsync(UploadZip.TwoClasses().Add("train/dog/notes.png", "not an image"u8.ToArray()));

        Assert.Equal("train/dog/notes.png: is not a PNG or JPEG image, or it is corrupt", error.Message);
    }

    [Fact]
    public async Task Images_of_different_sizes_are_refused_without_a_resize()
    {
        var error = await ImportTestBed.RefusedAsync(UploadZip.TwoClasses().Add("train/dog/wide.png", EncodedImages.Png(5, 3, 0)));

        Assert.Equal("train/dog/wide.png", error.Entry);
        Assert.Contains("is 5x3 pixels but train/cat/a.png is 4x3; give a resize", error.Message);
    }

    [Fact]
    public async Task A_test_class_without_training_images_and_a_single_class_are_refused()
    {
        var strayTest = await ImportTestBed.RefusedAsync(UploadZip.TwoClasses().Add("test/bird/a.png", EncodedImages.Png(4, 3, 0)));
        var oneClass = await ImportTestBed.RefusedAsync(new UploadZip().Add("train/cat/a.png", EncodedImages.Png(4, 3, 0)));

        Assert.Contains("class 'bird' appears under test/ but has no images under train/", strayTest.Message);
        Assert.Contains("a classifier needs at least 2", oneClass.Message);
    }
}
