namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.MaxPool2d</c>.</summary>
public sealed record MaxPool2dSpec(int KernelSize, int Stride, int Padding = 0, bool CeilMode = false) : ModuleSpec
{
    public override string TypeName => "MaxPool2d";
}
