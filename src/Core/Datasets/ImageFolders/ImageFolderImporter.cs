using System.IO.Compression;
using TrainingService.Core.Datasets.Normalization;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// Turns an uploaded zip of <c>train/&lt;class&gt;/&lt;image&gt;</c> (and optionally <c>test/...</c>) PNG or
/// JPEG files into an imported dataset of the <see cref="ImageFolderCatalog"/>. Everything is built in a
/// private staging folder that becomes the dataset by one rename at the end, so a refused or failed
/// upload leaves nothing behind and a half-built dataset is never visible.
/// </summary>
public sealed class ImageFolderImporter
{
    public const double HoldoutFraction = 0.2;

    private readonly ImageFolderCatalog catalog;
    private readonly ImageFolderLimits limits;
    private readonly TimeProvider time;
    private readonly ImageFolderArtifacts? artifacts;

    /// <param name="artifacts">Where imported datasets are shared with workers on other machines; none keeps them on this one.</param>
    public ImageFolderImporter(ImageFolderCatalog catalog, ImageFolderLimits limits, TimeProvider time, ImageFolderArtifacts? artifacts = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        limits.Validate();
        (this.catalog, this.limits, this.time, this.artifacts) = (catalog, limits, time, artifacts);
    }

    /// <exception cref="InvalidDatasetUploadException">The upload breaks the layout, a limit, or holds a bad image.</exception>
    public async Task<ImageFolderManifest> ImportAsync(Stream upload, ImageFolderImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name);
        if (request.Resize is { Height: <= 0 } or { Width: <= 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Resize, "resize sides must be positive");
        }

        var staging = catalog.CreateStagingFolder();
        ImageFolderManifest manifest;
        try
        {
            var zipPath = Path.Combine(staging, "upload.zip");
            await UploadCopy.CopyAsync(upload, zipPath, limits.MaxUploadBytes, ct);
            manifest = Build(zipPath, staging, request, ct);
            File.Delete(zipPath);
            catalog.Publish(staging, manifest.Id);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }

        if (artifacts is not null)
        {
            try
            {
                await artifacts.PublishAsync(manifest.Id, ct);
            }
            catch
            {
                // A dataset the workers cannot fetch must not be offered for training.
                catalog.Delete(manifest.Id);
                throw;
            }
        }
        return manifest;
    }

    // Synchronous on purpose: TorchSharp's dispose scopes are per thread and must not span an await.
    private ImageFolderManifest Build(string zipPath, string staging, ImageFolderImportRequest request, CancellationToken ct)
    {
        using var zip = UploadCopy.OpenZip(zipPath);
        var layout = UploadLayout.Read(zip, limits);
        var (train, test) = UploadDecoder.Decode(layout, request.Resize, limits, ct);
        using var splits = test is null ? HeldOutTestSplit.Split(train, HoldoutFraction, request.Seed) : new DatasetSplits(train, test);
        var statistics = NormalizationStatistics.Compute(splits.Train);
        ImageTensorFile.Write(Path.Combine(staging, ImageFolderDatasetSource.TrainFile), splits.Train);
        ImageTensorFile.Write(Path.Combine(staging, ImageFolderDatasetSource.TestFile), splits.Test);
        var shape = splits.Train.Images.shape;
        var manifest = new ImageFolderManifest(Guid.NewGuid(), request.Name.Trim(), time.GetUtcNow(), layout.ClassNames,
            (int)shape[1], (int)shape[2], (int)shape[3], (int)splits.Train.Count, (int)splits.Test.Count,
            statistics.Mean, statistics.Std, test is null, test is null ? HoldoutFraction : null, test is null ? request.Seed : null);
        ImageFolderManifestFile.Write(staging, manifest);
        return manifest;
    }
}
