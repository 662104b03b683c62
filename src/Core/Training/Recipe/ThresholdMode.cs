namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// How reduce-on-plateau decides that a value beats the best so far: by a fraction of the best
/// (torch's <c>rel</c>, the default) or by a fixed amount (<c>abs</c>).
/// </summary>
public enum ThresholdMode
{
    Relative,
    Absolute,
}
