namespace TrainingService.Core.Datasets.Normalization;

/// <summary>One remembered result of <see cref="NormalizationCache"/>, as stored in its JSON file.</summary>
internal sealed record NormalizationCacheEntry(string Dataset, long Count, string Fingerprint, float[] Mean, float[] Std)
{
    public bool Matches(NormalizationCacheEntry key) =>
        string.Equals(Dataset, key.Dataset, StringComparison.OrdinalIgnoreCase) && Count == key.Count
        && Fingerprint == key.Fingerprint && Mean.Length > 0 && Mean.Length == Std.Length;
}
