namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.Linear</c>.</summary>
public sealed record LinearSpec(int InFeatures, int OutFeatures, bool Bias = true) : ModuleSpec
{
    public override string TypeName => "Linear";
}
