namespace TrainingService.Core.Training.Recipe;

/// <summary>The optimizers a recipe may name, spelled as in <c>torch.optim</c> but lower-case.</summary>
public static class OptimizerKinds
{
    public const string Sgd = "sgd";
    public const string Adam = "adam";
    public const string AdamW = "adamw";
    public const string RmsProp = "rmsprop";

    public static IReadOnlyList<string> All { get; } = [Sgd, Adam, AdamW, RmsProp];

    /// <summary>Names arrive from people; "AdamW " and "adamw" mean the same optimizer.</summary>
    public static string Normalize(string? name) => (name ?? string.Empty).Trim().ToLowerInvariant();
}
