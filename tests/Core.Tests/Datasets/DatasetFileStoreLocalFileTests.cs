using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Files already on disk, placed by an operator or installed earlier.</summary>
public sealed class DatasetFileStoreLocalFileTests : IDisposable
{
    private readonly StoreTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task An_existing_file_of_the_right_size_and_sha256_is_returned_without_touching_the_network()
    {
        var expected = bed.Root.Write("digits/labels", bed.Content);

        var path = await bed.Store().EnsureAsync("digits", bed.Published(), CancellationToken.None);

        Assert.Equal(expected, path);
        Assert.Empty(bed.Network.Requested);
        Assert.StartsWith(Checksums.Sha256(bed.Content), File.ReadAllText(expected + ".sha256"));
    }

    [Fact]
    public async Task A_sidecar_matching_size_and_mtime_is_trusted_instead_of_rehashing()
    {
        var path = bed.Root.Write("digits/labels", bed.Content);
        await bed.Store(withNetwork: false).EnsureAsync("digits", bed.Published(), CancellationToken.None);
        var sidecar = File.ReadAllText(path + ".sha256");
        File.WriteAllText(path + ".sha256", new string('0', 64) + sidecar[64..]);

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => bed.Store(withNetwork: false).EnsureAsync("digits", bed.Published(), CancellationToken.None));

        Assert.Contains($"its SHA-256 is {new string('0', 64)}", error.Message);
    }

    [Fact]
    public async Task A_file_with_a_wrong_sha256_is_replaced_by_a_verified_download()
    {
        var corrupt = (byte[])bed.Content.Clone();
        corrupt[^1] ^= 0xFF;
        var path = bed.Root.Write("digits/labels", corrupt);
        bed.Network.Serve(StoreTestBed.FirstMirror, Checksums.Gzip(bed.Content));

        await bed.Store().EnsureAsync("digits", bed.Published(), CancellationToken.None);

        Assert.Equal(bed.Content, File.ReadAllBytes(path));
        Assert.Equal([StoreTestBed.FirstMirror], bed.Network.Requested);
    }

    [Fact]
    public async Task A_file_published_with_only_a_gzip_md5_is_installed_once_and_then_trusted_offline()
    {
        var gzip = Checksums.Gzip(bed.Content);
        bed.Network.Serve(StoreTestBed.FirstMirror, gzip);
        var file = new DatasetFile("labels", null, bed.Content.Length, [StoreTestBed.FirstMirror], Checksums.Md5(gzip));
        await bed.Store().EnsureAsync("digits", file, CancellationToken.None);

        var path = await bed.Store(withNetwork: false).EnsureAsync("digits", file, CancellationToken.None);

        Assert.Equal(bed.Content, File.ReadAllBytes(path));
        Assert.Single(bed.Network.Requested);
    }

    [Fact]
    public async Task A_gzip_placed_next_to_the_missing_file_is_installed_without_network()
    {
        bed.Root.Write("digits/labels.gz", Checksums.Gzip(bed.Content));

        var path = await bed.Store(withNetwork: false).EnsureAsync("digits", bed.Published(), CancellationToken.None);

        Assert.Equal(bed.Content, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Without_a_network_a_missing_file_is_reported_with_its_folder_urls_and_sha256()
    {
        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => bed.Store(withNetwork: false).EnsureAsync("digits", bed.Published(), CancellationToken.None));

        var folder = Path.Combine(bed.Root.Path, "digits");
        Assert.Equal((folder, "labels"), (error.Folder, error.FileName));
        Assert.Contains($"Dataset file 'labels' is not available in {folder}.", error.Message);
        Assert.Contains(Checksums.Sha256(bed.Content), error.Message);
        Assert.Contains($"{StoreTestBed.FirstMirror}, {StoreTestBed.SecondMirror}", error.Message);
        Assert.Contains("Downloads are disabled", error.Message);
    }
}
