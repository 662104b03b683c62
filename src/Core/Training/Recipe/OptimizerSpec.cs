namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// An optimizer and its settings, with <c>torch.optim</c>'s names and defaults. Settings an optimizer
/// has no use for are ignored (betas by SGD, alpha by Adam), except those <see cref="OptimizerRules"/>
/// refuses because asking for them suggests a misunderstanding (Nesterov with Adam).
/// </summary>
public sealed record OptimizerSpec(string Name, double LearningRate)
{
    /// <summary>SGD and RMSprop only.</summary>
    public double Momentum { get; init; }

    /// <summary>SGD only.</summary>
    public double Dampening { get; init; }

    /// <summary>SGD only; needs momentum above 0 and no dampening.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Null takes torch's default for the optimizer: 0.01 for AdamW, 0 for the others.</summary>
    public double? WeightDecay { get; init; }

    /// <summary>Adam and AdamW.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam and AdamW.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam, AdamW and RMSprop.</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>RMSprop's smoothing constant.</summary>
    public double Alpha { get; init; } = 0.99;

    /// <summary>AdamW decouples the decay from the gradient, so torch gives it a non-zero default.</summary>
    public double EffectiveWeightDecay =>
        WeightDecay ?? (OptimizerKinds.Normalize(Name) == OptimizerKinds.AdamW ? 0.01 : 0);
}
