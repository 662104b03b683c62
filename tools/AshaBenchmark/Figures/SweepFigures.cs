namespace TrainingService.AshaBenchmark.Figures;

/// <summary>One sweep as measured: its trials and the service's own seconds from creation to the end of its last trial.</summary>
internal sealed record SweepFigures(string Label, string Status, IReadOnlyList<TrialFigures> Trials, double WallSeconds)
{
    /// <summary>The trial with the highest validation accuracy at any epoch; the lower trial number wins a tie, as the sweep ranks them.</summary>
    public TrialFigures? Best => Trials
        .Where(t => t.BestValidationAccuracy is not null)
        .OrderByDescending(t => t.BestValidationAccuracy)
        .ThenBy(t => t.TrialNumber)
        .FirstOrDefault();

    /// <summary>Every trial's committed epoch seconds, summed: the training the sweep paid for.</summary>
    public double TrainingSeconds => Trials.Sum(t => t.TrainingSeconds);

    public int EpochsTrained => Trials.Sum(t => t.EpochsCompleted);

    public IReadOnlyList<TrialFigures> Stopped => Trials.Where(t => t.StoppedAtRung is not null).ToList();
}
