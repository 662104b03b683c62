namespace TrainingService.Core.Models.Architecture;

/// <summary>The parameter-free activations the zoo and custom networks use.</summary>
public enum ActivationKind
{
    ReLU,
    LeakyReLU,
    Sigmoid,
    Tanh,
    GELU,
}
