namespace TrainingService.Core;

/// <summary>
/// Where this process keeps files on its own disk. With the default folder artifact store these folders are the store,
/// so the Api and the Worker must see the same ones; with <c>ArtifactStore:Backend=postgres</c> they are each machine's
/// local copies, fetched from the store and verified by SHA-256 when needed.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Checkpoints, one folder per job.</summary>
    public string CheckpointRoot { get; set; } = ".data/checkpoints";

    /// <summary>Dataset files, one folder per dataset (<c>mnist/</c>, <c>fashion-mnist/</c>, ...).</summary>
    public string DatasetRoot { get; set; } = ".data/datasets";

    public string CheckpointFolder(Guid jobId) => Path.Combine(CheckpointRoot, jobId.ToString("N"));
}
