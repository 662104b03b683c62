using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs;

/// <summary>Checks <c>hyperparameters.earlyStopping</c>.</summary>
internal static class EarlyStoppingRules
{
    private const string Prefix = "hyperparameters.earlyStopping";

    /// <summary>An improvement in the watched metric's units; losses and accuracies never need a million.</summary>
    public static readonly NumberRange MinDelta = new(0, 1e6);

    public static EarlyStoppingSpec? Check(EarlyStoppingSubmission? submission, JobSpecLimits limits, ValidationErrors errors)
    {
        if (submission is null)
        {
            return null;
        }
        var metric = submission.Metric ?? MetricNames.ValidationLoss;
        var mode = MetricRules.Check(metric, submission.Mode, $"{Prefix}.metric", $"{Prefix}.mode", errors);
        var patienceOk = submission.Patience is { } patience && patience >= 1 && patience <= limits.MaxEpochs;
        if (!patienceOk)
        {
            errors.Add($"{Prefix}.patience", $"is required and must be between 1 and {limits.MaxEpochs} epochs.");
        }
        var deltaOk = MinDelta.Check(submission.MinDelta, $"{Prefix}.minDelta", errors);
        return mode is null || !patienceOk || !deltaOk
            ? null
            : new EarlyStoppingSpec(metric, mode.Value, submission.Patience!.Value, submission.MinDelta ?? 0);
    }
}
