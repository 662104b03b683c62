namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>A Python tuple on the unpickler's stack.</summary>
internal sealed record PickleTuple(IReadOnlyList<object?> Items)
{
    public static PickleTuple Empty { get; } = new(Array.Empty<object?>());
}
