namespace TrainingService.Core.Models.Architecture;

/// <summary>
/// ResNet's <c>BasicBlock</c>: <c>conv1</c> 3x3 (stride), <c>bn1</c>, ReLU, <c>conv2</c> 3x3, <c>bn2</c>, plus the
/// shortcut, ReLU. When <see cref="DownsampleKernel"/> is set the shortcut is <c>downsample</c> =
/// Sequential(<c>0</c> Conv(kernel, stride, padding kernel/2, no bias), <c>1</c> BatchNorm2d); otherwise identity.
/// </summary>
public sealed record BasicBlockSpec(int InChannels, int OutChannels, int Stride = 1, int? DownsampleKernel = null) : ModuleSpec
{
    public override string TypeName => "BasicBlock";
}
