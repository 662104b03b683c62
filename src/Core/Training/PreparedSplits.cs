using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training;

/// <summary>
/// The three splits a job trains, selects and tests on: the training split divided by a seeded
/// random split (like torch's <c>random_split</c>), then each part cut to the job's limits.
/// </summary>
public sealed class PreparedSplits : IDisposable
{
    private PreparedSplits(LabeledImages train, LabeledImages? validation, LabeledImages test)
    {
        Train = train;
        Validation = validation;
        Test = test;
    }

    public LabeledImages Train { get; }
    public LabeledImages? Validation { get; }
    public LabeledImages Test { get; }

    public static PreparedSplits Create(DatasetSplits splits, DatasetSpec spec, long seed)
    {
        var (train, validation) = ValidationSplit.Split(splits.Train, spec.ValidationFraction, seed);
        return new PreparedSplits(
            LimitOwned(train, spec.TrainLimit),
            validation is null ? null : LimitOwned(validation, spec.ValidationLimit),
            splits.Test.Take(spec.TestLimit ?? splits.Test.Count));
    }

    /// <summary>Cuts a split this class owns; the cut is a view, so the parent handle can go.</summary>
    private static LabeledImages LimitOwned(LabeledImages images, int? limit)
    {
        if (limit is not { } n || n >= images.Count)
        {
            return images;
        }
        var cut = images.Take(n);
        images.Dispose();
        return cut;
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation?.Dispose();
        Test.Dispose();
    }
}
