namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.AdaptiveAvgPool2d((OutputHeight, OutputWidth))</c>.</summary>
public sealed record AdaptiveAvgPool2dSpec(int OutputHeight, int OutputWidth) : ModuleSpec
{
    public override string TypeName => "AdaptiveAvgPool2d";
}
