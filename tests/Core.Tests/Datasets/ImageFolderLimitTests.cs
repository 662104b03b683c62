using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>The bounds an upload must stay within, each refused with its number and leaving nothing behind.</summary>
public sealed class ImageFolderLimitTests
{
    [Fact]
    public async Task Something_that_is_not_a_zip_is_refused()
    {
        using var bed = new ImportTestBed();

        var error = await Assert.ThrowsAsync<InvalidDatasetUploadException>(() => bed.Importer.ImportAsync(
            new MemoryStream("plain text"u8.ToArray()), new ImageFolderImportRequest("x"), CancellationToken.None));

        Assert.StartsWith("upload: is not a valid zip archive", error.Message);
        Assert.Empty(bed.Leftovers());
    }

    [Fact]
    public async Task Limits_on_entries_upload_bytes_image_side_file_size_and_total_pixels_are_enforced()
    {
        var zip = UploadZip.TwoClasses();

        var entries = await ImportTestBed.RefusedAsync(zip, new ImageFolderLimits { MaxEntries = 3 });
        var bytes = await ImportTestBed.RefusedAsync(zip, new ImageFolderLimits { MaxUploadBytes = 100 });
        var side = await ImportTestBed.RefusedAsync(zip, new ImageFolderLimits { MaxImageSide = 3 });
        var file = await ImportTestBed.RefusedAsync(zip, new ImageFolderLimits { MaxImageFileBytes = 10 });
        var pixels = await ImportTestBed.RefusedAsync(zip, new ImageFolderLimits { MaxTotalPixels = 47 });

        Assert.Equal("upload: holds 4 entries, more than the limit of 3", entries.Message);
        Assert.Equal("upload: is larger than the limit of 100 bytes for an upload", bytes.Message);
        Assert.Equal("train/cat/a.png: is 4x3 pixels; images may be at most 3 pixels wide and high", side.Message);
        Assert.StartsWith("train/cat/a.png: is ", file.Message);
        Assert.Equal("upload: 4 images of 4x3 are 48 pixels, more than the limit of 47", pixels.Message);
    }

    [Fact]
    public async Task The_limits_just_met_are_accepted()
    {
        using var bed = new ImportTestBed(new ImageFolderLimits { MaxEntries = 4, MaxImageSide = 4, MaxTotalPixels = 48 });

        var manifest = await bed.ImportAsync(UploadZip.TwoClasses());

        Assert.Equal(4, manifest.TrainCount + manifest.TestCount);
    }
}
