namespace TrainingService.Core.Jobs;

/// <summary>The optimizers a job may name.</summary>
public static class OptimizerNames
{
    public const string Sgd = "sgd";
    public const string Adam = "adam";

    public static IReadOnlyList<string> All { get; } = [Sgd, Adam];
}
