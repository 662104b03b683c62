namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.AvgPool2d</c>.</summary>
public sealed record AvgPool2dSpec(int KernelSize, int Stride, int Padding = 0, bool CeilMode = false, bool CountIncludePad = true) : ModuleSpec
{
    public override string TypeName => "AvgPool2d";
}
