using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Tests.Datasets;

public sealed class ImageFolderCatalogTests : IDisposable
{
    private readonly ImportTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Imported_datasets_are_listed_found_by_id_and_deleted_with_their_folder()
    {
        var pets = await bed.ImportAsync(UploadZip.TwoClasses(), name: "pets");
        var more = await bed.ImportAsync(UploadZip.TwoClasses(), name: "more pets");

        Assert.Equal(new[] { pets.Id, more.Id }.Order(), bed.Catalog.List().Select(m => m.Id).Order());
        Assert.Equal("more pets", bed.Catalog.Get(more.Id).Name);
        Assert.True(bed.Catalog.Delete(pets.Id));

        Assert.Equal([more.Id], bed.Catalog.List().Select(m => m.Id));
        Assert.Null(bed.Catalog.Find(pets.Id));
        Assert.False(Directory.Exists(bed.Catalog.FolderFor(pets.Id)));
        Assert.False(bed.Catalog.Delete(pets.Id));
        Assert.Single(bed.Leftovers());
    }

    [Fact]
    public void Getting_an_unknown_id_says_so()
    {
        var id = Guid.NewGuid();

        var error = Assert.Throws<KeyNotFoundException>(() => bed.Catalog.Get(id));

        Assert.Equal($"No uploaded image folder dataset has the id {id}.", error.Message);
    }

    [Fact]
    public async Task A_job_naming_imagefolder_and_an_id_resolves_to_that_dataset()
    {
        var pets = await bed.ImportAsync(UploadZip.TwoClasses().Add("test/cat/c.png", EncodedImages.Png(4, 3, 9)), name: "pets");
        var registry = DatasetRegistry.CreateDefault(new DatasetFileStore(bed.Root.Path), bed.Catalog);

        var source = registry.Resolve(new DatasetSpec("imagefolder", 0.1, Id: pets.Id));

        Assert.Equal(("imagefolder", "pets", 3, 4, 3), (source.Info.Name, source.Info.DisplayName, source.Info.Channels, source.Info.Width, source.Info.Height));
        Assert.Equal(["cat", "dog"], source.Info.ClassNames);
        Assert.Equal(pets.Mean, source.Info.Mean);
        using var splits = await source.LoadAsync(CancellationToken.None);
        Assert.Equal((4L, 1L), (splits.Train.Count, splits.Test.Count));
    }

    [Fact]
    public async Task A_job_naming_imagefolder_without_an_id_or_with_an_unknown_one_gets_a_clear_error()
    {
        var pets = await bed.ImportAsync(UploadZip.TwoClasses(), name: "pets");
        var registry = DatasetRegistry.CreateDefault(new DatasetFileStore(bed.Root.Path), bed.Catalog);
        var unknown = Guid.NewGuid();

        var noId = Assert.Throws<ArgumentException>(() => registry.Resolve(new DatasetSpec("imagefolder", 0.1)));
        var wrongId = Assert.Throws<KeyNotFoundException>(() => registry.Resolve(new DatasetSpec("imagefolder", 0.1, Id: unknown)));

        Assert.Contains($"needs an 'id': the GUID of an uploaded image folder. Uploaded: {pets.Id} (pets).", noId.Message);
        Assert.Contains(unknown.ToString(), wrongId.Message);
    }

    [Fact]
    public async Task A_dataset_whose_tensor_file_was_removed_reports_it_as_unavailable()
    {
        var pets = await bed.ImportAsync(UploadZip.TwoClasses());
        File.Delete(Path.Combine(bed.Catalog.FolderFor(pets.Id), "test.bin"));

        var error = await Assert.ThrowsAsync<DatasetUnavailableException>(() => bed.Catalog.Open(pets.Id).LoadAsync(CancellationToken.None));

        Assert.Equal("test.bin", error.FileName);
    }
}
