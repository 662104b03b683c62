namespace TrainingService.AshaBenchmark.Figures;

/// <summary>
/// What one trial of a sweep came to: its values, its best validation accuracy (a fraction), its test accuracy when it
/// ran to its end, and the seconds its committed epochs took. <c>StoppedAtRung</c> is set when ASHA stopped it.
/// </summary>
internal sealed record TrialFigures(
    int TrialNumber,
    string Parameters,
    string Status,
    int EpochsCompleted,
    double? BestValidationAccuracy,
    int? BestEpoch,
    double? TestAccuracy,
    double TrainingSeconds,
    int? StoppedAtRung);
