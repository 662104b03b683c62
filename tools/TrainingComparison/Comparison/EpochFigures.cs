namespace TrainingService.TrainingComparison;

/// <summary>One timed training epoch of either side; the losses show the steps really learn and start alike.</summary>
public sealed record EpochFigures(double Seconds, long Images, double FirstLoss, double Loss, double Accuracy)
{
    public double ImagesPerSecond => Images / Seconds;
}

/// <summary>Seconds of one epoch split by part of the step, summed over its batches.</summary>
public sealed record PhaseFigures(double Data, double Forward, double Backward, double Step, long Images);
