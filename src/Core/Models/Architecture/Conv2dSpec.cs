namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.Conv2d</c> with a square kernel.</summary>
public sealed record Conv2dSpec(
    int InChannels, int OutChannels, int KernelSize, int Stride = 1, int Padding = 0,
    int Dilation = 1, int Groups = 1, bool Bias = true) : ModuleSpec
{
    public override string TypeName => "Conv2d";
}
