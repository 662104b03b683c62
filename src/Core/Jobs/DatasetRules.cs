using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs.Submission;

namespace TrainingService.Core.Jobs;

/// <summary>Checks the <c>dataset</c> part of a submission.</summary>
internal static class DatasetRules
{
    public const double DefaultValidationFraction = 0.1;

    public static CheckedDataset? Check(DatasetSubmission? dataset, DatasetRegistry datasets, JobSpecLimits limits, ValidationErrors errors)
    {
        if (dataset is null)
        {
            errors.Add("dataset", "is required.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(dataset.Name))
        {
            errors.Add("dataset.name", "is required.");
        }
        else if (!datasets.TryGet(dataset.Name, out _))
        {
            var known = string.Join(", ", datasets.List().Select(d => d.Name));
            errors.Add("dataset.name", $"'{dataset.Name}' is not a known dataset; known datasets: {known}.");
        }

        var fraction = dataset.ValidationFraction ?? DefaultValidationFraction;
        if (double.IsNaN(fraction) || fraction < 0 || fraction >= 1)
        {
            errors.Add("dataset.validationFraction", "must be at least 0 and less than 1.");
        }
        CheckLimit(dataset.TrainLimit, "dataset.trainLimit", errors);
        CheckLimit(dataset.ValidationLimit, "dataset.validationLimit", errors);
        CheckLimit(dataset.TestLimit, "dataset.testLimit", errors);
        TransformRules.Check(dataset.Transforms, errors);
        SyntheticRules.Check(dataset.Synthetic, errors);
        if (errors.Any || string.IsNullOrWhiteSpace(dataset.Name) || !datasets.TryGet(dataset.Name, out var registered))
        {
            return null;
        }
        var spec = new DatasetSpec(registered.Info.Name, fraction, dataset.TrainLimit, dataset.ValidationLimit, dataset.TestLimit,
            dataset.Transforms, dataset.Synthetic);
        return new CheckedDataset(spec, datasets.Resolve(spec).Info);
    }

    private static void CheckLimit(int? limit, string field, ValidationErrors errors)
    {
        if (limit is < 1)
        {
            errors.Add(field, "must be at least 1 when given.");
        }
    }
}
