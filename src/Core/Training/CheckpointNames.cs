namespace TrainingService.Core.Training;

/// <summary>The checkpoints every job keeps.</summary>
public static class CheckpointNames
{
    public const string Best = "best";
    public const string Last = "last";

    /// <summary>Everything a run needs to continue exactly (weights, optimizer, schedule, policy, RNG), as a PyTorch-style dict.</summary>
    public const string Training = "training";

    /// <summary>The weight-only checkpoints written when an epoch is the best so far.</summary>
    public static IReadOnlyList<string> All { get; } = [Best, Last];
}
