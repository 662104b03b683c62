using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>A module type that the summary and the emitter have never heard of, as a new zoo layer would be.</summary>
internal sealed record UnknownSpec : ModuleSpec
{
    public override string TypeName => "PixelShuffle";
}
