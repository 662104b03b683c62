namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// The imported image folders under <c>&lt;root&gt;/imagefolder/&lt;id&gt;/</c>, each holding
/// <c>dataset.json</c>, <c>train.bin</c> and <c>test.bin</c>. A dataset appears by one folder rename
/// at the end of its import and disappears by one rename before it is deleted, so readers never see half of one.
/// </summary>
public sealed class ImageFolderCatalog
{
    public const string FolderName = "imagefolder";

    public ImageFolderCatalog(string datasetRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetRoot);
        Root = Path.Combine(Path.GetFullPath(datasetRoot), FolderName);
    }

    public string Root { get; }

    public string FolderFor(Guid id) => Path.Combine(Root, id.ToString("D"));

    /// <summary>Every readable imported dataset, oldest first; folders without a valid manifest are skipped.</summary>
    public IReadOnlyList<ImageFolderManifest> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Root)
            .Select(folder => Guid.TryParse(Path.GetFileName(folder), out var id) ? TryFind(id) : null)
            .OfType<ImageFolderManifest>()
            .OrderBy(manifest => manifest.Created)
            .ThenBy(manifest => manifest.Id)
            .ToArray();
    }

    /// <returns>Null when no dataset has that id.</returns>
    /// <exception cref="InvalidDatasetFileException">The dataset exists but its manifest is damaged.</exception>
    public ImageFolderManifest? Find(Guid id)
    {
        var folder = FolderFor(id);
        return File.Exists(Path.Combine(folder, ImageFolderManifestFile.FileName)) ? ImageFolderManifestFile.Read(folder) : null;
    }

    /// <exception cref="KeyNotFoundException">No dataset has that id.</exception>
    public ImageFolderManifest Get(Guid id) =>
        Find(id) ?? throw new KeyNotFoundException($"No uploaded image folder dataset has the id {id}.");

    /// <exception cref="KeyNotFoundException">No dataset has that id.</exception>
    public ImageFolderDatasetSource Open(Guid id) => new(FolderFor(id), Get(id));

    /// <returns>False when no dataset had that id.</returns>
    public bool Delete(Guid id)
    {
        var folder = FolderFor(id);
        var doomed = Path.Combine(Root, $".deleted-{id:N}-{Guid.NewGuid():N}");
        try
        {
            Directory.Move(folder, doomed);
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }

        Directory.Delete(doomed, recursive: true);
        return true;
    }

    /// <summary>A new private folder to build an import in; names starting with '.' are never listed.</summary>
    internal string CreateStagingFolder() =>
        Directory.CreateDirectory(Path.Combine(Root, $".import-{Guid.NewGuid():N}")).FullName;

    internal void Publish(string stagingFolder, Guid id) => Directory.Move(stagingFolder, FolderFor(id));

    private ImageFolderManifest? TryFind(Guid id)
    {
        try
        {
            return Find(id);
        }
        catch (Exception e) when (e is InvalidDatasetFileException or IOException)
        {
            return null;
        }
    }
}
