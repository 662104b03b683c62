namespace TrainingService.Core.Models.Architecture;

/// <summary>
/// A custom <c>nn.Module</c> whose forward applies its steps in order, such as LeNet-5
/// (<c>conv1</c>, tanh, <c>pool1</c>, ...). <see cref="ClassName"/> names the emitted PyTorch class.
/// </summary>
public sealed record ChainSpec(string ClassName, IReadOnlyList<ChainStep> Steps) : ModuleSpec
{
    public override string TypeName => ClassName;
}
