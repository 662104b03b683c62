using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>A dataset root with an image-folder catalog and an importer under configurable limits.</summary>
internal sealed class ImportTestBed : IDisposable
{
    public ImportTestBed(ImageFolderLimits? limits = null)
    {
        Catalog = new ImageFolderCatalog(Root.Path);
        Importer = new ImageFolderImporter(Catalog, limits ?? new ImageFolderLimits(), new FixedTime());
    }

    public TempFolder Root { get; } = new();

    public ImageFolderCatalog Catalog { get; }

    public ImageFolderImporter Importer { get; }

    public Task<ImageFolderManifest> ImportAsync(UploadZip zip, (int Height, int Width)? resize = null, string name = "pets") =>
        Importer.ImportAsync(zip.ToStream(), new ImageFolderImportRequest(name, resize, Seed: 7), CancellationToken.None);

    /// <summary>Everything under the catalog's folder, staging folders included.</summary>
    public string[] Leftovers() =>
        Directory.Exists(Catalog.Root) ? Directory.GetFileSystemEntries(Catalog.Root) : [];

    /// <summary>Imports into a fresh catalog, asserts the refusal left no file or folder, and returns the error.</summary>
    public static async Task<InvalidDatasetUploadException> RefusedAsync(UploadZip zip, ImageFolderLimits? limits = null)
    {
        using var bed = new ImportTestBed(limits);
        var error = await Assert.ThrowsAsync<InvalidDatasetUploadException>(() => bed.ImportAsync(zip));
        Assert.Empty(bed.Leftovers());
        Assert.Empty(bed.Catalog.List());
        return error;
    }

    public void Dispose() => Root.Dispose();
}
