namespace TrainingService.Core.Training.Recipe;

/// <summary>What a <see cref="ScheduleSpec"/> parameter left out means; torch's defaults where it has them.</summary>
public static class ScheduleDefaults
{
    public const double Gamma = 0.1;
    public const double MinRate = 0;
    public const int WarmupEpochs = 0;
    public const double PctStart = 0.3;
    public const double DivFactor = 25;
    public const double FinalDivFactor = 1e4;
    public const string Monitor = MetricNames.ValidationLoss;
    public const double Factor = 0.1;
    public const int Patience = 10;
    public const double Threshold = 1e-4;
    public const string ThresholdMode = "rel";
    public const int Cooldown = 0;
}
