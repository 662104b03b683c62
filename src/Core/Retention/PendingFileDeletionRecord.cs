namespace TrainingService.Core.Retention;

/// <summary>
/// Stored artifacts whose rows are gone and whose files are still to be deleted: written in the transaction that deletes
/// the rows, removed once the files are, so a failed file deletion is retried by the retention sweep and no row ever
/// points at a missing file.
/// </summary>
public sealed class PendingFileDeletionRecord
{
    public long Id { get; set; }
    public Guid JobId { get; set; }

    /// <summary>Every artifact whose key starts with this goes: a job's checkpoint folder (<c>checkpoints/&lt;job&gt;/</c>) or one file's key.</summary>
    public required string KeyPrefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
