using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

public sealed class ImageFolderManifestTests : IDisposable
{
    private readonly ImportTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task The_manifest_reads_back_equal_to_what_the_import_returned()
    {
        var imported = await bed.ImportAsync(UploadZip.TwoClasses());

        var read = bed.Catalog.Get(imported.Id);

        Assert.Equal((imported.Id, imported.Name, imported.Created, imported.TrainCount, imported.HoldoutSeed),
            (read.Id, read.Name, read.Created, read.TrainCount, read.HoldoutSeed));
        Assert.Equal(imported.ClassNames, read.ClassNames);
        Assert.Equal(imported.Mean, read.Mean);
        Assert.Equal(imported.Std, read.Std);
    }

    [Fact]
    public async Task A_damaged_manifest_is_left_out_of_the_list_and_reported_when_asked_for()
    {
        var damaged = await bed.ImportAsync(UploadZip.TwoClasses(), name: "damaged");
        var intact = await bed.ImportAsync(UploadZip.TwoClasses(), name: "intact");
        File.WriteAllText(Path.Combine(bed.Catalog.FolderFor(damaged.Id), "dataset.json"), """{"id": "not even a guid"}""");

        var error = Assert.Throws<InvalidDatasetFileException>(() => bed.Catalog.Get(damaged.Id));

        Assert.Equal([intact.Id], bed.Catalog.List().Select(m => m.Id));
        Assert.StartsWith("dataset.json: in ", error.Message);
    }
}
