using TrainingService.Core.Models.Custom;

namespace TrainingService.Core.Jobs;

/// <summary>
/// Which network to train: a zoo entry by <see cref="Name"/>, or a custom layer list (then the name
/// is <c>custom</c>); how many classes it outputs; and how its weights are initialised.
/// </summary>
public sealed record ModelSpec(string Name, int NumClasses, IReadOnlyList<CustomLayerSpec>? Custom = null, string Init = "default")
{
    public const string CustomName = "custom";
}
