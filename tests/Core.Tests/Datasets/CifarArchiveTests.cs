using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Cifar;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Obtaining CIFAR-10 from its tar.gz, local or from a mirror (a fake network; nothing leaves the machine).</summary>
public sealed class CifarArchiveTests : IDisposable
{
    private const string Mirror = "https://mirror.test/cifar-10-binary.tar.gz";
    private readonly TempFolder root = new();
    private readonly FakeNetwork network = new();

    public void Dispose()
    {
        network.Dispose();
        root.Dispose();
    }

    [Fact]
    public async Task A_local_archive_with_the_published_md5_is_extracted_and_only_the_listed_files_come_out()
    {
        var archive = CifarBytes.TarGz(TinyCifar.Files());
        root.Write("cifar10/cifar-10-binary.tar.gz", archive);
        var source = new CifarDatasetSource(TinyCifar.Definition(Checksums.Md5(archive)), new DatasetFileStore(root.Path));

        using var splits = await source.LoadAsync(CancellationToken.None);

        Assert.Equal(10, splits.Train.Count);
        Assert.Equal(["cifar-10-binary.tar.gz"], root.FilesIn("cifar10"));
        Assert.Equal(["cifar-10-batches-bin"], Directory.GetDirectories(Path.Combine(root.Path, "cifar10")).Select(Path.GetFileName));
        Assert.Equal(7, root.FilesIn("cifar10/cifar-10-batches-bin").Length);
        Assert.False(File.Exists(Path.Combine(root.Path, "outside.bin")));
    }

    [Fact]
    public async Task A_missing_dataset_is_downloaded_verified_extracted_and_the_download_removed()
    {
        var archive = CifarBytes.TarGz(TinyCifar.Files());
        network.Serve(Mirror, archive);
        var source = new CifarDatasetSource(TinyCifar.Definition(Checksums.Md5(archive), Mirror), new DatasetFileStore(root.Path, network.Client()));

        using var splits = await source.LoadAsync(CancellationToken.None);

        Assert.Equal(3, splits.Test.Count);
        Assert.Empty(root.FilesIn("cifar10"));
        Assert.Equal([Mirror], network.Requested);
    }

    [Fact]
    public async Task An_archive_with_another_md5_is_refused_and_the_error_says_where_to_put_the_files()
    {
        root.Write("cifar10/cifar-10-binary.tar.gz", CifarBytes.TarGz(TinyCifar.Files()));
        var source = new CifarDatasetSource(TinyCifar.Definition(new string('a', 32)), new DatasetFileStore(root.Path));

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(() => source.LoadAsync(CancellationToken.None));

        var folder = Path.Combine(root.Path, "cifar10");
        Assert.Contains($"Put the archive there as 'cifar-10-binary.tar.gz' (MD5 {new string('a', 32)})", error.Message);
        Assert.Contains(Path.Combine(folder, "cifar-10-batches-bin", "data_batch_1.bin"), error.Message);
        Assert.Contains("MD5 is ", error.Message);
        Assert.Equal(folder, error.Folder);
        Assert.Equal(["cifar-10-binary.tar.gz"], root.FilesIn("cifar10"));
        Assert.Empty(Directory.GetDirectories(folder));
    }

    [Fact]
    public async Task An_archive_lacking_a_batch_is_refused_without_leaving_a_partial_extraction()
    {
        var files = TinyCifar.Files();
        files.Remove("cifar-10-batches-bin/data_batch_5.bin");
        var archive = CifarBytes.TarGz(files);
        root.Write("cifar10/cifar-10-binary.tar.gz", archive);
        var source = new CifarDatasetSource(TinyCifar.Definition(Checksums.Md5(archive)), new DatasetFileStore(root.Path));

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(() => source.LoadAsync(CancellationToken.None));

        Assert.Contains("the archive does not contain cifar-10-batches-bin/data_batch_5.bin", error.Message);
        Assert.Empty(Directory.GetDirectories(Path.Combine(root.Path, "cifar10")));
    }
}
