using TrainingService.Contracts.Sweeps;

namespace TrainingService.Core.Sweeps;

/// <summary>A stored sweep: its validated definition and where it is; its trials are jobs whose <c>SweepId</c> is its id.</summary>
public sealed class SweepRecord
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid? OwnerId { get; set; }
    public Guid? ApiKeyId { get; set; }
    public SweepStatus Status { get; set; }
    public required SweepSpec Spec { get; set; }

    /// <summary>How many trials have been created so far; the next trial's number is this plus one.</summary>
    public int TrialsCreated { get; set; }

    public string? StatusReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
