namespace TrainingService.Core.Training.Recipe;

/// <summary>Whether a smaller (a loss) or a larger (an accuracy) value of a metric is better.</summary>
public enum MetricMode
{
    Min,
    Max,
}
