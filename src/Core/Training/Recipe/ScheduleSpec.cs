namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// A learning-rate schedule and its parameters; each kind reads only its own, and a parameter left
/// null takes <see cref="ScheduleDefaults"/> (torch's default where torch has one). The base rate and
/// the number of epochs come from the job, not from here.
/// </summary>
public sealed record ScheduleSpec(string Kind)
{
    /// <summary>step: epochs between reductions (required).</summary>
    public int? StepSize { get; init; }

    /// <summary>step, multistep: factor per reduction (0.1); exponential: factor per epoch (required).</summary>
    public double? Gamma { get; init; }

    /// <summary>multistep: torch's 0-based epochs after which the rate is reduced (required).</summary>
    public IReadOnlyList<int>? Milestones { get; init; }

    /// <summary>cosine: the rate annealed towards (0); reduce_on_plateau: the floor (0).</summary>
    public double? MinRate { get; init; }

    /// <summary>cosine: epochs of linear warm-up before annealing (0).</summary>
    public int? WarmupEpochs { get; init; }

    /// <summary>onecycle: the peak rate (the job's learning rate).</summary>
    public double? MaxRate { get; init; }

    /// <summary>onecycle: the fraction of steps spent rising (0.3).</summary>
    public double? PctStart { get; init; }

    /// <summary>onecycle: the starting rate is the peak divided by this (25).</summary>
    public double? DivFactor { get; init; }

    /// <summary>onecycle: the final rate is the starting rate divided by this (1e4).</summary>
    public double? FinalDivFactor { get; init; }

    /// <summary>reduce_on_plateau: the metric watched (validation_loss).</summary>
    public string? Monitor { get; init; }

    /// <summary>reduce_on_plateau: min or max (the monitored metric's natural mode).</summary>
    public string? Mode { get; init; }

    /// <summary>reduce_on_plateau: factor per reduction (0.1).</summary>
    public double? Factor { get; init; }

    /// <summary>reduce_on_plateau: bad epochs tolerated before a reduction (10).</summary>
    public int? Patience { get; init; }

    /// <summary>reduce_on_plateau: how much better counts as better (1e-4).</summary>
    public double? Threshold { get; init; }

    /// <summary>reduce_on_plateau: rel or abs (rel).</summary>
    public string? ThresholdMode { get; init; }

    /// <summary>reduce_on_plateau: epochs after a reduction during which bad epochs are not counted (0).</summary>
    public int? Cooldown { get; init; }
}
