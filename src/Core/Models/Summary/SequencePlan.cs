using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>The steps run one after another.</summary>
internal sealed record SequencePlan(IReadOnlyList<ChainStep> Steps) : ForwardPlan;
