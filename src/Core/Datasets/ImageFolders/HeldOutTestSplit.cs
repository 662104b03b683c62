namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>The test split of an upload that brought none: a seeded share of its training images.</summary>
internal static class HeldOutTestSplit
{
    /// <summary>Takes ownership of <paramref name="train"/>; the returned splits are new.</summary>
    /// <exception cref="InvalidDatasetUploadException">Too few images to hold any out.</exception>
    public static DatasetSplits Split(LabeledImages train, double fraction, long seed)
    {
        using (train)
        {
            var (rest, heldOut) = ValidationSplit.Split(train, fraction, seed);
            if (heldOut is null)
            {
                rest.Dispose();
                throw new InvalidDatasetUploadException(InvalidDatasetUploadException.WholeUpload,
                    $"has {train.Count} training images, too few to hold out {fraction:P0} as a test split; add a test/ folder or more images");
            }

            return new DatasetSplits(rest, heldOut);
        }
    }
}
