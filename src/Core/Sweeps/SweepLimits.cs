namespace TrainingService.Core.Sweeps;

/// <summary>The bounds and defaults of a sweep submission, shared by its validation and the docs.</summary>
public static class SweepLimits
{
    public const int MaxTrials = 256;
    public const int MaxParameters = 10;
    public const int MaxValuesPerParameter = MaxTrials;
    public const int MaxConcurrent = 16;
    public const int DefaultMaxConcurrent = 2;

    /// <summary>Ray Tune's <c>ASHAScheduler</c> defaults: <c>grace_period=1</c>, <c>reduction_factor=4</c>.</summary>
    public const int DefaultGracePeriod = 1;

    public const int DefaultReductionFactor = 4;
}
