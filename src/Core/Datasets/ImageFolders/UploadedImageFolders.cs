using TrainingService.Core.Jobs;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// The registry's <c>imagefolder</c> entry: it stands for every imported image folder, and a job picks
/// one with <c>"dataset": {"name": "imagefolder", "id": "&lt;guid&gt;"}</c>. Its own
/// <see cref="Info"/> describes no particular dataset (no classes, zero size).
/// </summary>
public sealed class UploadedImageFolders(ImageFolderCatalog catalog) : IConfigurableDatasetSource
{
    public const string Name = "imagefolder";

    public DatasetInfo Info { get; } = new(Name, "Uploaded image folder (chosen by id)", 3, 0, 0, [], 0, 0, [], [],
        "uploaded by users; see the image folder catalog");

    /// <exception cref="ArgumentException">The job gives no id.</exception>
    /// <exception cref="KeyNotFoundException">No imported dataset has the job's id.</exception>
    public IDatasetSource Configure(DatasetSpec dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Id is { } id ? catalog.Open(id) : throw MissingId();
    }

    public Task<DatasetSplits> LoadAsync(CancellationToken ct) => throw MissingId();

    private ArgumentException MissingId() => new(
        $"Dataset '{Name}' needs an 'id': the GUID of an uploaded image folder. "
        + $"Uploaded: {string.Join(", ", catalog.List().Select(m => $"{m.Id} ({m.Name})").DefaultIfEmpty("none"))}.");
}
