namespace TrainingService.Core.Training.Recipe;

/// <summary>The settings of <see cref="ReduceOnPlateauSchedule"/>, with torch's defaults.</summary>
public sealed record PlateauSettings(
    MetricMode Mode = MetricMode.Min,
    double Factor = 0.1,
    int Patience = 10,
    double Threshold = 1e-4,
    ThresholdMode ThresholdMode = ThresholdMode.Relative,
    int Cooldown = 0,
    double MinRate = 0);
