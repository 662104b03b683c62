using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Fetching missing files from mirrors (a local fake network; nothing leaves the machine).</summary>
public sealed class DatasetFileStoreDownloadTests : IDisposable
{
    private readonly StoreTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task A_missing_file_is_downloaded_decompressed_verified_and_left_without_temporary_files()
    {
        bed.Network.Serve(StoreTestBed.FirstMirror, Checksums.Gzip(bed.Content));

        var path = await bed.Store().EnsureAsync("digits", bed.Published(), CancellationToken.None);

        Assert.Equal(bed.Content, File.ReadAllBytes(path));
        Assert.Equal(["labels", "labels.sha256"], bed.Root.FilesIn("digits"));
    }

    [Fact]
    public async Task The_next_mirror_is_tried_when_the_first_one_fails()
    {
        bed.Network.Serve(StoreTestBed.SecondMirror, Checksums.Gzip(bed.Content));

        var path = await bed.Store().EnsureAsync("digits", bed.Published(), CancellationToken.None);

        Assert.Equal(bed.Content, File.ReadAllBytes(path));
        Assert.Equal([StoreTestBed.FirstMirror, StoreTestBed.SecondMirror], bed.Network.Requested);
    }

    [Fact]
    public async Task A_download_with_a_wrong_sha256_is_rejected_and_leaves_no_file_behind()
    {
        bed.Network.Serve(StoreTestBed.FirstMirror, Checksums.Gzip(IdxBytes.Labels(9, 9, 9, 9, 9)));

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => bed.Store().EnsureAsync("digits", bed.Published(), CancellationToken.None));

        Assert.Contains($"{StoreTestBed.FirstMirror}: SHA-256 after decompression is", error.Message);
        Assert.Empty(bed.Root.FilesIn("digits"));
    }

    [Fact]
    public async Task A_download_whose_gzip_md5_differs_from_the_published_one_is_rejected_and_leaves_no_file_behind()
    {
        bed.Network.Serve(StoreTestBed.FirstMirror, Checksums.Gzip(bed.Content));
        var file = bed.Published();
        var wrongMd5 = new DatasetFile(file.FileName, file.Sha256, file.Size, file.Urls, new string('a', 32));

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => bed.Store().EnsureAsync("digits", wrongMd5, CancellationToken.None));

        Assert.Contains($"{StoreTestBed.FirstMirror}: gzip MD5 is", error.Message);
        Assert.Empty(bed.Root.FilesIn("digits"));
    }

    [Fact]
    public async Task When_every_mirror_fails_the_message_gives_each_url_with_its_reason()
    {
        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => bed.Store().EnsureAsync("digits", bed.Published(), CancellationToken.None));

        Assert.Contains($"Tried {StoreTestBed.FirstMirror}: HTTP 404 Not Found", error.Message);
        Assert.Contains($"Tried {StoreTestBed.SecondMirror}: HTTP 404 Not Found", error.Message);
    }
}
