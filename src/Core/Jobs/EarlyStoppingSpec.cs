using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs;

/// <summary>Stop when <see cref="Metric"/> has not improved by more than <see cref="MinDelta"/> for <see cref="Patience"/> epochs.</summary>
public sealed record EarlyStoppingSpec(string Metric, MetricMode Mode, int Patience, double MinDelta = 0);
