namespace TrainingService.Core.Models.Architecture;

/// <summary>
/// One step of a <see cref="ChainSpec"/>: a named child module (a state-dict prefix), or, with no
/// name, a parameter-free operation applied functionally in forward (as <c>torch.tanh(x)</c>),
/// which has no key and no summary row, exactly as in a PyTorch forward.
/// </summary>
public sealed record ChainStep(string? Name, ModuleSpec Module)
{
    public static ChainStep Child(string name, ModuleSpec module) => new(name, module);

    public static ChainStep Functional(ModuleSpec module) => new(null, module);
}
