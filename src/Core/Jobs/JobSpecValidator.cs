using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;

namespace TrainingService.Core.Jobs;

/// <summary>
/// Turns a submission into a complete <see cref="TrainingJobSpec"/>, or names every field that is
/// missing or out of range. Nothing is stored or queued for a submission with errors.
/// </summary>
public sealed class JobSpecValidator(ModelRegistry models, DatasetRegistry datasets, NetworkPlanner planner, JobSpecLimits limits)
{
    /// <param name="mayUseDataset">
    /// Whether the submitter may train on the uploaded dataset of that id; one they may not is refused exactly as
    /// an unknown id, so ids reveal nothing. Null allows every upload.
    /// </param>
    public JobSpecValidationResult Validate(JobSubmission? submission, Func<Guid, bool>? mayUseDataset = null)
    {
        var errors = new ValidationErrors();
        if (submission is null)
        {
            errors.Add("$", "The request body must be a job specification object.");
            return new JobSpecValidationResult(null, errors.ToDictionary());
        }

        var dataset = DatasetRules.Check(submission.Dataset, datasets, limits, errors, mayUseDataset);
        var checkedModel = ModelRules.Check(submission.Model, models, planner, dataset, errors);
        var model = checkedModel?.Spec;
        var hyperparameters = HyperparameterRules.Check(submission.Hyperparameters, limits, errors);
        if (checkedModel is { } planned)
        {
            NetworkSizeRules.Check(planned.Spec, planned.Plan, hyperparameters, limits, errors);
        }
        var name = DisplayNameRules.Check(submission.Name, "name", errors);

        if (errors.Any || dataset is null || model is null || hyperparameters is null)
        {
            return new JobSpecValidationResult(null, errors.ToDictionary());
        }
        var spec = new TrainingJobSpec(
            string.IsNullOrEmpty(name) ? $"{model.Name} on {dataset.Spec.Name}" : name,
            model,
            dataset.Spec,
            hyperparameters);
        return new JobSpecValidationResult(spec, errors.ToDictionary()) { Resolution = new JobResolution(checkedModel!.Value.Plan.Network, dataset.Info) };
    }
}
