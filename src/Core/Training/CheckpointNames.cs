namespace TrainingService.Core.Training;

/// <summary>The checkpoints every job keeps.</summary>
public static class CheckpointNames
{
    public const string Best = "best";
    public const string Last = "last";

    public static IReadOnlyList<string> All { get; } = [Best, Last];
}
