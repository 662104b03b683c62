namespace TrainingService.AshaBenchmark.Figures;

/// <summary>
/// The ASHA sweep against the same sweep without early stopping. The criterion: the same best trial, or a best
/// validation accuracy within <see cref="TolerancePoints"/> points, with less total training time.
/// </summary>
/// <param name="BestDifferencePoints">ASHA's best validation accuracy minus the baseline's, in percentage points.</param>
/// <param name="TrainingSecondsRatio">ASHA's total training seconds over the baseline's.</param>
/// <param name="WallSecondsRatio">ASHA's seconds from creation to completion over the baseline's.</param>
internal sealed record SweepComparison(double BestDifferencePoints, bool SameBestTrial, double TrainingSecondsRatio, double WallSecondsRatio)
{
    public const double TolerancePoints = 0.3;

    public bool MeetsCriterion => (SameBestTrial || Math.Abs(BestDifferencePoints) <= TolerancePoints) && TrainingSecondsRatio < 1;

    /// <exception cref="ArgumentException">A sweep has no trial with a validation accuracy, or no training seconds or wall-clock to divide by.</exception>
    public static SweepComparison Of(SweepFigures withoutEarlyStopping, SweepFigures withAsha)
    {
        var baselineBest = withoutEarlyStopping.Best
            ?? throw new ArgumentException($"{withoutEarlyStopping.Label}: no trial has a validation accuracy.", nameof(withoutEarlyStopping));
        var ashaBest = withAsha.Best ?? throw new ArgumentException($"{withAsha.Label}: no trial has a validation accuracy.", nameof(withAsha));
        if (withoutEarlyStopping.TrainingSeconds <= 0 || withoutEarlyStopping.WallSeconds <= 0)
        {
            throw new ArgumentException($"{withoutEarlyStopping.Label}: no training seconds or wall-clock to compare with.", nameof(withoutEarlyStopping));
        }
        return new SweepComparison(
            (ashaBest.BestValidationAccuracy!.Value - baselineBest.BestValidationAccuracy!.Value) * 100,
            ashaBest.TrialNumber == baselineBest.TrialNumber,
            withAsha.TrainingSeconds / withoutEarlyStopping.TrainingSeconds,
            withAsha.WallSeconds / withoutEarlyStopping.WallSeconds);
    }
}
