namespace TrainingService.Core.Jobs;

/// <summary>
/// One listed transform: <c>{"type": "Pad", "padding": 2}</c>, <c>{"type": "RandomCrop", "size": 32, "padding": 4}</c>
/// or <c>{"type": "RandomHorizontalFlip", "p": 0.5}</c>.
/// </summary>
public sealed record TransformStepSpec(string? Type, int? Size = null, int? Padding = null, double? P = null)
{
    public const string Pad = "Pad";
    public const string RandomCrop = "RandomCrop";
    public const string RandomHorizontalFlip = "RandomHorizontalFlip";

    public static IReadOnlyList<string> Types { get; } = [Pad, RandomCrop, RandomHorizontalFlip];

    public bool IsRandom => Type is RandomCrop or RandomHorizontalFlip;
}
