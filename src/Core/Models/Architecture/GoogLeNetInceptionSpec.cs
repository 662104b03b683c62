namespace TrainingService.Core.Models.Architecture;

/// <summary>
/// torchvision's GoogLeNet <c>Inception</c> block: <c>branch1</c> BasicConv2d 1x1; <c>branch2</c> Sequential(1x1, 3x3);
/// <c>branch3</c> Sequential(1x1, 3x3 — torchvision's known deviation from the paper's 5x5); <c>branch4</c>
/// Sequential(MaxPool 3/1/1 ceil, 1x1). Output channels: Ch1x1 + Ch3x3 + Ch5x5 + PoolProj.
/// </summary>
public sealed record GoogLeNetInceptionSpec(int InChannels, int Ch1x1, int Ch3x3Reduce, int Ch3x3, int Ch5x5Reduce, int Ch5x5, int PoolProj) : ModuleSpec
{
    public override string TypeName => "Inception";
}
