namespace TrainingService.Core;

/// <summary>Where files live; the Api and the Worker must see the same folders.</summary>
public sealed class StorageOptions
{
    /// <summary>Checkpoints, one folder per job.</summary>
    public string CheckpointRoot { get; set; } = ".data/checkpoints";

    /// <summary>Dataset files, one folder per dataset (<c>mnist/</c>, <c>fashion-mnist/</c>, ...).</summary>
    public string DatasetRoot { get; set; } = ".data/datasets";

    public string CheckpointFolder(Guid jobId) => Path.Combine(CheckpointRoot, jobId.ToString("N"));
}
