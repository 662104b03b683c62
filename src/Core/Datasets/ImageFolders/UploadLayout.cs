using System.IO.Compression;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// The images of an upload sorted into splits and classes, checked before any is decoded. Classes are
/// the training class folders in ordinal order (as torchvision's ImageFolder sorts them), so labels do
/// not depend on the order in which an archiver stored the entries.
/// </summary>
internal sealed record UploadLayout(
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<(ZipArchiveEntry Entry, int Label)> Train,
    IReadOnlyList<(ZipArchiveEntry Entry, int Label)> Test)
{
    public static UploadLayout Read(ZipArchive zip, ImageFolderLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw new InvalidDatasetUploadException(InvalidDatasetUploadException.WholeUpload,
                $"holds {zip.Entries.Count} entries, more than the limit of {limits.MaxEntries}");
        }

        var images = new List<(ZipArchiveEntry Entry, string Split, string ClassName)>();
        foreach (var entry in zip.Entries.OrderBy(entry => entry.FullName, StringComparer.Ordinal))
        {
            if (UploadEntryPath.Parse(entry.FullName) is not { } parsed)
            {
                continue;
            }

            if (entry.Length > limits.MaxImageFileBytes)
            {
                throw new InvalidDatasetUploadException(entry.FullName,
                    $"is {entry.Length} bytes, more than the limit of {limits.MaxImageFileBytes} for one image file");
            }

            images.Add((entry, parsed.Split, parsed.ClassName));
        }

        var classes = images.Where(i => i.Split == UploadEntryPath.Train).Select(i => i.ClassName)
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
        {
            throw new InvalidDatasetUploadException(InvalidDatasetUploadException.WholeUpload,
                $"has {classes.Length} class folder(s) with images under {UploadEntryPath.Train}/; a classifier needs at least 2");
        }

        var stray = images.FirstOrDefault(i => Array.BinarySearch(classes, i.ClassName, StringComparer.Ordinal) < 0);
        if (stray.Entry is not null)
        {
            throw new InvalidDatasetUploadException(stray.Entry.FullName,
                $"class '{stray.ClassName}' appears under {UploadEntryPath.Test}/ but has no images under {UploadEntryPath.Train}/");
        }

        return new UploadLayout(classes, Labelled(images, UploadEntryPath.Train, classes), Labelled(images, UploadEntryPath.Test, classes));
    }

    private static (ZipArchiveEntry, int)[] Labelled(
        List<(ZipArchiveEntry Entry, string Split, string ClassName)> images, string split, string[] classes) =>
        images.Where(i => i.Split == split)
            .Select(i => (i.Entry, Array.BinarySearch(classes, i.ClassName, StringComparer.Ordinal)))
            .ToArray();
}
