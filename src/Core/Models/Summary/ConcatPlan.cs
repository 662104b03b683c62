using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>Each branch starts from the block's input; the outputs are concatenated on channels, in branch order.</summary>
internal sealed record ConcatPlan(IReadOnlyList<IReadOnlyList<ChainStep>> Branches) : ForwardPlan;
