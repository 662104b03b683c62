namespace TrainingService.Core.Persistence;

/// <summary>A job joined with its owner's name: member-initialised, which EF can still order and page after the join; a record's constructor it cannot.</summary>
internal sealed class JobRow
{
    public required TrainingJob Job { get; init; }
    public string? Owner { get; init; }
}
