using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Jobs.Submission;

namespace TrainingService.Core.Jobs;

/// <summary>Checks the <c>dataset</c> part of a submission.</summary>
internal static class DatasetRules
{
    public const double DefaultValidationFraction = 0.1;

    /// <summary>All of the training split may not be held out: at least one image must be left to train on.</summary>
    public static readonly NumberRange ValidationFraction = new(0, 1, MaxExclusive: true);

    public static CheckedDataset? Check(DatasetSubmission? dataset, DatasetRegistry datasets, JobSpecLimits limits, ValidationErrors errors,
        Func<Guid, bool>? mayUseDataset = null)
    {
        if (dataset is null)
        {
            errors.Add("dataset", "is required.");
            return null;
        }
        IDatasetSource? registered = null;
        if (string.IsNullOrWhiteSpace(dataset.Name))
        {
            errors.Add("dataset.name", "is required.");
        }
        else if (!datasets.TryGet(dataset.Name, out registered))
        {
            var known = string.Join(", ", datasets.List().Select(d => d.Name));
            errors.Add("dataset.name", $"'{dataset.Name}' is not a known dataset; known datasets: {known}.");
        }
        else
        {
            CheckId(dataset.Id, registered.Info.Name, errors);
        }

        var fraction = dataset.ValidationFraction ?? DefaultValidationFraction;
        ValidationFraction.Check(fraction, "dataset.validationFraction", errors);
        CheckLimit(dataset.TrainLimit, "dataset.trainLimit", errors);
        CheckLimit(dataset.ValidationLimit, "dataset.validationLimit", errors);
        CheckLimit(dataset.TestLimit, "dataset.testLimit", errors);
        TransformRules.Check(dataset.Transforms, errors);
        SyntheticRules.Check(dataset.Synthetic, errors);
        if (errors.Any || registered is null)
        {
            return null;
        }
        var spec = new DatasetSpec(registered.Info.Name, fraction, dataset.TrainLimit, dataset.ValidationLimit, dataset.TestLimit,
            dataset.Transforms, dataset.Synthetic, dataset.Id);
        return Describe(spec, datasets, errors, mayUseDataset) is { } info ? new CheckedDataset(spec, info) : null;
    }

    /// <summary>Only an uploaded image folder is picked by id; a stray id on another dataset is refused rather than silently ignored.</summary>
    private static void CheckId(Guid? id, string name, ValidationErrors errors)
    {
        var takesId = name == UploadedImageFolders.Name;
        if (takesId && id is null)
        {
            errors.Add("dataset.id", $"is required for {UploadedImageFolders.Name}; upload one with POST /api/datasets.");
        }
        else if (!takesId && id is not null)
        {
            errors.Add("dataset.id", $"only {UploadedImageFolders.Name} datasets take an id.");
        }
    }

    /// <summary>
    /// Resolving an upload reads its manifest from disk, which may be missing (never uploaded, or deleted
    /// a moment ago) or damaged; a submission must get a field error for that, not a server error.
    /// </summary>
    private static DatasetInfo? Describe(DatasetSpec spec, DatasetRegistry datasets, ValidationErrors errors, Func<Guid, bool>? mayUseDataset)
    {
        if (spec.Id is { } hidden && mayUseDataset?.Invoke(hidden) == false)
        {
            errors.Add("dataset.id", UnknownUpload(hidden));
            return null;
        }
        try
        {
            return datasets.Resolve(spec).Info;
        }
        catch (Exception e) when (spec.Id is { } id && e is KeyNotFoundException or FileNotFoundException or DirectoryNotFoundException)
        {
            errors.Add("dataset.id", UnknownUpload(id));
        }
        catch (Exception e) when (spec.Id is { } id && e is InvalidDatasetFileException or IOException or UnauthorizedAccessException)
        {
            errors.Add("dataset.id", $"the uploaded dataset {id} cannot be read ({e.Message}); delete it and upload it again.");
        }
        return null;
    }

    private static string UnknownUpload(Guid id) => $"no uploaded dataset has the id {id}; GET /api/datasets lists them.";

    private static void CheckLimit(int? limit, string field, ValidationErrors errors)
    {
        if (limit is < 1)
        {
            errors.Add(field, "must be at least 1 when given.");
        }
    }
}
