namespace TrainingService.Core.Models.Architecture;

/// <summary>
/// Inception's <c>BasicConv2d</c>: <c>conv</c> Conv2d without bias, <c>bn</c> BatchNorm2d(eps=0.001), then ReLU applied functionally.
/// </summary>
public sealed record BasicConv2dSpec(int InChannels, int OutChannels, int KernelSize, int Stride = 1, int Padding = 0) : ModuleSpec
{
    public override string TypeName => "BasicConv2d";
}
