namespace TrainingService.Core.Jobs;

/// <summary>
/// How a dataset's images become a network's input. <see cref="Resize"/> (bilinear, to
/// [height, width]) and <see cref="Channels"/> (grey replicated to 3) adapt every split;
/// <see cref="Train"/> and <see cref="Eval"/> list further steps per split (augmentation only in
/// training); <see cref="Normalize"/> is <c>dataset</c> (published statistics, the default),
/// <c>auto</c> (computed from the training split once and cached), <c>custom</c> (<see cref="Mean"/>
/// and <see cref="Std"/>) or <c>none</c>.
/// </summary>
public sealed record InputTransformsSpec(IReadOnlyList<int>? Resize = null, int? Channels = null)
{
    public IReadOnlyList<TransformStepSpec>? Train { get; init; }
    public IReadOnlyList<TransformStepSpec>? Eval { get; init; }
    public string? Normalize { get; init; }
    public IReadOnlyList<float>? Mean { get; init; }
    public IReadOnlyList<float>? Std { get; init; }
}
