namespace TrainingService.Core.Datasets;

/// <summary>
/// Reads one split's image and label files and checks them against each other and against the
/// dataset description: checksums prove the bytes are the published ones, not that the table pairing
/// them (or a custom definition) is right.
/// </summary>
internal static class IdxSplitReader
{
    public static LabeledImages Read(DatasetInfo info, string imagesPath, string labelsPath, int expectedCount)
    {
        var imagesName = Path.GetFileName(imagesPath);
        var labelsName = Path.GetFileName(labelsPath);
        IdxImages images;
        using (var stream = File.OpenRead(imagesPath))
        {
            images = IdxFile.ReadImages(stream, imagesName);
        }

        byte[] labels;
        using (var stream = File.OpenRead(labelsPath))
        {
            labels = IdxFile.ReadLabels(stream, labelsName);
        }

        if (images.Count != labels.Length)
        {
            throw new InvalidDatasetFileException(
                imagesName, $"holds {images.Count} images but {labelsName} holds {labels.Length} labels");
        }

        if (images.Count != expectedCount)
        {
            throw new InvalidDatasetFileException(
                imagesName, $"holds {images.Count} images but {info.DisplayName} has {expectedCount} in this split");
        }

        if (images.Rows != info.Height || images.Columns != info.Width)
        {
            throw new InvalidDatasetFileException(
                imagesName, $"holds {images.Rows}x{images.Columns} images but {info.DisplayName} is {info.Height}x{info.Width}");
        }

        // With 256 or more classes every byte is a valid label.
        var outOfRange = info.ClassCount > byte.MaxValue
            ? -1
            : labels.AsSpan().IndexOfAnyInRange((byte)info.ClassCount, byte.MaxValue);
        if (outOfRange >= 0)
        {
            throw new InvalidDatasetFileException(
                labelsName, $"label {labels[outOfRange]} at index {outOfRange} is not one of the {info.ClassCount} classes");
        }

        return LabeledImages.FromIdx(images, labels);
    }
}
