using TrainingService.Core.Artifacts;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// Imported image folders in the artifact store, so a worker that shares nothing with the Api but the store can train
/// on an upload. The Api puts a dataset's files after importing it; a worker that lacks them (or holds other bytes)
/// materializes them, verified by SHA-256, into a staging folder that becomes the dataset by one rename, as an import does.
/// </summary>
public sealed class ImageFolderArtifacts(IArtifactStore store, ArtifactCache cache, ImageFolderCatalog catalog)
{
    private static readonly string[] Files = [ImageFolderDatasetSource.TrainFile, ImageFolderDatasetSource.TestFile, ImageFolderManifestFile.FileName];

    public static string KeyOf(Guid id, string fileName) => ArtifactKeys.ForDataset($"{ImageFolderCatalog.FolderName}/{id:D}/{fileName}");

    /// <summary>Puts the imported dataset's files, the manifest last.</summary>
    public async Task PublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var folder = catalog.FolderFor(id);
        foreach (var file in Files)
        {
            await store.PutFileAsync(KeyOf(id, file), Path.Combine(folder, file), cancellationToken);
        }
    }

    /// <summary>Removes a deleted dataset's files from the store, so no worker fetches it again.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var key in await store.ListAsync(ArtifactKeys.ForDataset($"{ImageFolderCatalog.FolderName}/{id:D}/"), cancellationToken))
        {
            await store.DeleteAsync(key, cancellationToken);
        }
    }

    /// <summary>Makes sure this machine holds the job's uploaded dataset, when it trains on one the store has.</summary>
    public async Task EnsureLocalAsync(DatasetSpec dataset, CancellationToken cancellationToken)
    {
        if (!string.Equals(dataset.Name, UploadedImageFolders.Name, StringComparison.OrdinalIgnoreCase) || dataset.Id is not { } id)
        {
            return;
        }
        var stored = await store.StatAsync(KeyOf(id, ImageFolderManifestFile.FileName), cancellationToken);
        if (stored is null || store.LocalPathOf(stored.Key) is not null && catalog.Find(id) is not null)
        {
            return;
        }

        var folder = catalog.FolderFor(id);
        if (Directory.Exists(folder))
        {
            foreach (var file in Files)
            {
                await cache.MaterializeAsync(KeyOf(id, file), Path.Combine(folder, file), cancellationToken: cancellationToken);
            }
            return;
        }

        var staging = catalog.CreateStagingFolder();
        try
        {
            foreach (var file in Files)
            {
                await cache.MaterializeAsync(KeyOf(id, file), Path.Combine(staging, file), cancellationToken: cancellationToken);
            }
            catalog.Publish(staging, id);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another run on this machine materialized it first.
            Directory.Delete(staging, recursive: true);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }
}
