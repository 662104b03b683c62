namespace TrainingService.Core.Retention;

/// <summary>What one retention sweep did, for <c>GET /api/storage</c> and for deciding when the next one is due.</summary>
public sealed class RetentionRunRecord
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>The process that ran it (machine and process id).</summary>
    public required string Host { get; set; }

    /// <summary>Bytes of the checkpoint rows it deleted (files left by deletions are counted in <see cref="DeletedFiles"/> only).</summary>
    public long FreedBytes { get; set; }

    public int DeletedFiles { get; set; }

    /// <summary>What it could not do: the cap it could not reach with training checkpoints alone, files it failed to delete.</summary>
    public string? Note { get; set; }
}
