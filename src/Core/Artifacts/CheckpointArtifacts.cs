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

    /// <returns>The local path of the file a checkpoint row points at.</returns>
    /// <exception cref="ArtifactNotFoundException">The store lacks it.</exception>
    public Task<string> MaterializeAsync(string relativePath, string sha256, CancellationToken cancellationToken) =>
        cache.MaterializeAsync(ArtifactKeys.ForCheckpoint(relativePath), Path.Combine(storage.CheckpointRoot, relativePath), sha256, cancellationToken);

    /// <returns>Null when the store has no file for the row.</returns>
    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken) =>
        store.OpenReadAsync(ArtifactKeys.ForCheckpoint(relativePath), cancellationToken);
}
