namespace TrainingService.Core.Artifacts;

/// <summary>Which artifact store the process uses (section <c>ArtifactStore</c>).</summary>
public sealed class ArtifactStoreOptions
{
    public const string SectionName = "ArtifactStore";
    public const string FolderBackend = "folder";
    public const string PostgresBackend = "postgres";

    /// <summary><c>folder</c> (files on this machine or a shared mount) or <c>postgres</c> (rows in the training database).</summary>
    public string Backend { get; set; } = FolderBackend;

    /// <summary>
    /// For <c>folder</c>: the folder that holds <c>checkpoints/</c> and <c>datasets/</c>. Unset, checkpoints live under
    /// <c>StorageOptions:CheckpointRoot</c> and datasets under <c>StorageOptions:DatasetRoot</c>, today's layout.
    /// </summary>
    public string? Root { get; set; }

    /// <exception cref="InvalidOperationException">An unknown back-end.</exception>
    public void Validate()
    {
        if (!string.Equals(Backend, FolderBackend, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(Backend, PostgresBackend, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"ArtifactStore:Backend is '{Backend}'; it must be '{FolderBackend}' or '{PostgresBackend}'.");
        }
    }

    public bool IsPostgres => string.Equals(Backend, PostgresBackend, StringComparison.OrdinalIgnoreCase);
}
