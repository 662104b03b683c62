namespace TrainingService.Core.Models.Architecture;

/// <summary><c>nn.Dropout(p)</c>.</summary>
public sealed record DropoutSpec(double P = 0.5) : ModuleSpec
{
    public override string TypeName => "Dropout";
}
