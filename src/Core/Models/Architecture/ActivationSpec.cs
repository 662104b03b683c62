namespace TrainingService.Core.Models.Architecture;

/// <summary>An activation module (<c>nn.ReLU</c>, <c>nn.LeakyReLU(negative_slope)</c>, <c>nn.Sigmoid</c>, <c>nn.Tanh</c>, <c>nn.GELU</c>).</summary>
public sealed record ActivationSpec(ActivationKind Kind, double NegativeSlope = 0.01) : ModuleSpec
{
    public override string TypeName => Kind.ToString();
}
