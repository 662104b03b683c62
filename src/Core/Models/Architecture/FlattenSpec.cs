namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.Flatten(start_dim, end_dim)</c>; the defaults keep the batch dimension.</summary>
public sealed record FlattenSpec(int StartDim = 1, int EndDim = -1) : ModuleSpec
{
    public override string TypeName => "Flatten";
}
