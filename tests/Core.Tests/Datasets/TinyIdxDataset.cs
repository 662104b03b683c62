using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>
/// A 2x3-pixel, three-class IDX dataset written into a dataset root, with a table entry whose
/// SHA-256 values match what was written, as a real table's would.
/// </summary>
internal static class TinyIdxDataset
{
    public const string Name = "tiny";

    public static IdxDatasetDefinition Write(TempFolder root, byte[] trainLabels, byte[] testLabels, int? trainImages = null)
    {
        var info = new DatasetInfo(
            Name, "Tiny", 1, 2, 3, ["a", "b", "c"], trainLabels.Length, testLabels.Length, [0.5f], [0.25f], "generated");
        return new IdxDatasetDefinition(
            info,
            Place(root, "train-images", IdxBytes.Images(trainImages ?? trainLabels.Length, 2, 3, i => trainLabels[i % trainLabels.Length])),
            Place(root, "train-labels", IdxBytes.Labels(trainLabels)),
            Place(root, "test-images", IdxBytes.Images(testLabels.Length, 2, 3, i => testLabels[i])),
            Place(root, "test-labels", IdxBytes.Labels(testLabels)));
    }

    private static DatasetFile Place(TempFolder root, string name, byte[] bytes)
    {
        root.Write(Path.Combine(Name, name), bytes);
        return new DatasetFile(name, Checksums.Sha256(bytes), bytes.Length, [$"https://unused.test/{name}.gz"]);
    }
}
