namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.BatchNorm2d</c>; its running statistics and <c>num_batches_tracked</c> are state-dict buffers.</summary>
public sealed record BatchNorm2dSpec(int NumFeatures, double Eps = 1e-5, double Momentum = 0.1) : ModuleSpec
{
    public override string TypeName => "BatchNorm2d";
}
