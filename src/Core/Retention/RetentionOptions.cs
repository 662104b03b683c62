namespace TrainingService.Core.Retention;

/// <summary>
/// What the retention sweep may delete (section <c>Retention</c>). Best and last checkpoints are always kept; only training
/// (resume) checkpoints of finished jobs are ever pruned, since a finished job never resumes.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Whether the age and size rules run. Files left behind by deletions are cleaned up either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the sweep runs, in the whole fleet: whichever process finds it due first runs it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The training checkpoint of a job finished more than this many days ago is deleted; null keeps them.</summary>
    public int? TrainingCheckpointDays { get; set; } = 30;

    /// <summary>A cap on the bytes of all checkpoints; past it the oldest finished jobs' training checkpoints go first. Null: no cap.</summary>
    public long? MaxCheckpointBytes { get; set; }

    /// <exception cref="InvalidOperationException">A value out of range, named by its key.</exception>
    public void Validate()
    {
        if (Interval < TimeSpan.FromSeconds(1)) throw new InvalidOperationException($"{SectionName}:{nameof(Interval)} must be at least 00:00:01; it is {Interval}.");
        if (TrainingCheckpointDays < 0) throw new InvalidOperationException($"{SectionName}:{nameof(TrainingCheckpointDays)} must be 0 or more; it is {TrainingCheckpointDays}.");
        if (MaxCheckpointBytes < 0) throw new InvalidOperationException($"{SectionName}:{nameof(MaxCheckpointBytes)} must be 0 or more; it is {MaxCheckpointBytes}.");
    }
}
