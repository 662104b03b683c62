namespace TrainingService.Core.Training.Recipe;

/// <summary>The learning-rate schedules a recipe may name.</summary>
public static class ScheduleKinds
{
    public const string Constant = "constant";
    public const string Step = "step";
    public const string MultiStep = "multistep";
    public const string Exponential = "exponential";
    public const string Cosine = "cosine";
    public const string OneCycle = "onecycle";
    public const string ReduceOnPlateau = "reduce_on_plateau";

    public static IReadOnlyList<string> All { get; } = [Constant, Step, MultiStep, Exponential, Cosine, OneCycle, ReduceOnPlateau];

    public static string Normalize(string? kind) => (kind ?? string.Empty).Trim().ToLowerInvariant();
}
