namespace TrainingService.Core.Datasets;

public sealed partial class DatasetFileStore
{
    /// <summary>
    /// Returns the dataset's folder once every file in <paramref name="files"/> exists there, extracting
    /// them from a local copy of the archive or from a mirror if needed. Files already present are taken
    /// as they are (only their archive carries a published checksum), so the dataset's reader must check
    /// their format; an archive is used only after its MD5 matched.
    /// </summary>
    /// <param name="files">Paths relative to the dataset folder, '/'-separated as inside the archive.</param>
    /// <exception cref="DatasetUnavailableException">A file is missing and no verified archive could supply it.</exception>
    public async Task<string> EnsureExtractedAsync(
        string datasetFolder, DatasetArchive archive, IReadOnlyList<string> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(files);
        var folder = FolderFor(datasetFolder);
        if (files.All(file => File.Exists(Path.Combine(folder, file))))
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        var attempts = new InstallAttempts(logger, ct);
        var local = Path.Combine(folder, archive.FileName);
        if (File.Exists(local)
            && await attempts.TryAsync(local, () => TarGzInstaller.InstallAsync(local, folder, archive, files, ct)))
        {
            return folder;
        }

        foreach (var url in http is null ? [] : archive.Urls)
        {
            LogDownloading(url, folder);
            if (await attempts.TryAsync(url, () => ArchiveDownloader.DownloadAsync(http!, url, folder, archive, files, ct)))
            {
                return folder;
            }
        }

        throw new DatasetUnavailableException(
            archive.FileName, folder, ArchiveUnavailableMessage.Build(archive, folder, files, attempts.Failures, http is not null));
    }
}
