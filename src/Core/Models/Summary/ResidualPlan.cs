using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>
/// ResNet's residual: <see cref="Main"/> first, then <see cref="Shortcut"/> from the same input (empty for identity),
/// the two added, then <see cref="After"/>. The order is torchvision's, which calls <c>downsample</c> after <c>bn2</c>,
/// and it decides the order of the summary rows.
/// </summary>
internal sealed record ResidualPlan(IReadOnlyList<ChainStep> Main, IReadOnlyList<ChainStep> Shortcut, IReadOnlyList<ChainStep> After)
    : ForwardPlan;
