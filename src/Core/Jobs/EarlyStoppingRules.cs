using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Jobs;

/// <summary>Checks <c>hyperparameters.earlyStopping</c>.</summary>
internal static class EarlyStoppingRules
{
    private const string Prefix = "hyperparameters.earlyStopping";

    public static EarlyStoppingSpec? Check(EarlyStoppingSubmission? submission, ValidationErrors errors)
    {
        if (submission is null)
        {
            return null;
        }
        var metric = submission.Metric ?? MetricNames.ValidationLoss;
        var mode = MetricRules.Check(metric, submission.Mode, $"{Prefix}.metric", $"{Prefix}.mode", errors);
        if (submission.Patience is null or < 1)
        {
            errors.Add($"{Prefix}.patience", "is required and must be at least 1 epoch.");
        }
        if (submission.MinDelta is < 0)
        {
            errors.Add($"{Prefix}.minDelta", "must not be negative.");
        }
        return mode is null || submission.Patience is null or < 1
            ? null
            : new EarlyStoppingSpec(metric, mode.Value, submission.Patience.Value, submission.MinDelta ?? 0);
    }
}
