using TorchSharp;

namespace TrainingService.Core.Datasets;

/// <summary>Carves a validation set out of a training split, reproducibly.</summary>
public static class ValidationSplit
{
    /// <summary>
    /// Puts round(<paramref name="fraction"/> * N) samples (halves round up), chosen by a permutation seeded with
    /// <paramref name="seed"/>, into the validation set and the rest into the training set; the same
    /// inputs always give the same split. The validation set is null, not empty, when it would hold no
    /// sample (fraction 0 or tiny), because an empty split cannot be batched and callers should skip it.
    /// Both results are new and owned by the caller; <paramref name="train"/> is left untouched.
    /// </summary>
    public static (LabeledImages Train, LabeledImages? Validation) Split(LabeledImages train, double fraction, long seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (double.IsNaN(fraction) || fraction is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must be at least 0 and below 1");
        }

        var count = train.Count;
        var validationCount = (long)Math.Round(fraction * count, MidpointRounding.AwayFromZero);
        if (validationCount == 0)
        {
            return (train.Take(count), null);
        }

        if (validationCount >= count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(fraction), fraction, $"leaves none of the {count} samples for training");
        }

        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(unchecked((ulong)seed));
        var permutation = torch.randperm(count, generator: generator);
        var validation = train.Select(permutation.narrow(0, 0, validationCount));
        var rest = train.Select(permutation.narrow(0, validationCount, count - validationCount));
        return (rest, validation);
    }
}
