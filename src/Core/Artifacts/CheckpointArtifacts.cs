namespace TrainingService.Core.Artifacts;

/// <summary>
/// Checkpoint files in the artifact store: a worker puts each file before the row that points at it commits, removes
/// those no row points at, and any process materializes a row's file under its own checkpoint root, verified by the
/// row's SHA-256.
/// </summary>
public sealed class CheckpointArtifacts(IArtifactStore store, ArtifactCache cache, StorageOptions storage)
{
    public string KeyOf(string localPath) =>
        ArtifactKeys.ForCheckpoint(Path.GetRelativePath(Path.GetFullPath(storage.CheckpointRoot), Path.GetFullPath(localPath)));

    public Task PutAsync(string localPath, CancellationToken cancellationToken) =>
        store.PutFileAsync(KeyOf(localPath), localPath, cancellationToken);

    /// <summary>Deletes the job's stored checkpoints whose path (relative to the checkpoint root) is not in <paramref name="referenced"/>.</summary>
    public async Task DeleteUnreferencedAsync(Guid jobId, IReadOnlySet<string> referenced, CancellationToken cancellationToken)
    {
        var keep = referenced.Select(ArtifactKeys.ForCheckpoint).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await store.ListAsync(ArtifactKeys.CheckpointFolder(jobId), cancellationToken))
        {
            if (!keep.Contains(key)) await store.DeleteAsync(key, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes every stored checkpoint whose key starts with <paramref name="keyPrefix"/> (a job's folder,
    /// <see cref="ArtifactKeys.CheckpointFolder"/>, or one file's key) and this machine's copies of them, hidden
    /// temporary files and the emptied folders included. Deleting what is already gone is no error.
    /// </summary>
    /// <returns>How many stored artifacts it deleted.</returns>
    public async Task<int> PurgeAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var key in await store.ListAsync(keyPrefix, cancellationToken))
        {
            if (await store.DeleteAsync(key, cancellationToken)) deleted++;
        }
        var relative = keyPrefix[(ArtifactKeys.Checkpoints.Length + 1)..];
        if (keyPrefix.EndsWith('/'))
        {
            DeleteFolder(Path.Combine(storage.CheckpointRoot, relative));
            // The folder store's own copy of the folder, when it is not the checkpoint root's (ArtifactStore:Root).
            if (store.LocalPathOf(keyPrefix + "folder") is { } inStore) DeleteFolder(Path.GetDirectoryName(inStore)!);
        }
        else
        {
            File.Delete(Path.Combine(storage.CheckpointRoot, relative));
        }
        return deleted;
    }

    /// <summary>The job folders under this machine's checkpoint root, by job id: local copies, and with the folder store the store itself.</summary>
    public IReadOnlyList<(Guid JobId, string Folder)> LocalJobFolders() =>
        Directory.Exists(storage.CheckpointRoot)
            ? Directory.EnumerateDirectories(storage.CheckpointRoot)
                .Select(folder => (Ok: Guid.TryParseExact(Path.GetFileName(folder), "N", out var id), id, folder))
                .Where(f => f.Ok).Select(f => (f.id, f.folder)).ToList()
            : [];

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never materialized on this machine, or already deleted.
        }
    }

    /// <returns>The local path of the file a checkpoint row points at.</returns>
    /// <exception cref="ArtifactNotFoundException">The store lacks it.</exception>
    public Task<string> MaterializeAsync(string relativePath, string sha256, CancellationToken cancellationToken) =>
        cache.MaterializeAsync(ArtifactKeys.ForCheckpoint(relativePath), Path.Combine(storage.CheckpointRoot, relativePath), sha256, cancellationToken);

    /// <returns>Null when the store has no file for the row.</returns>
    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken) =>
        store.OpenReadAsync(ArtifactKeys.ForCheckpoint(relativePath), cancellationToken);
}
