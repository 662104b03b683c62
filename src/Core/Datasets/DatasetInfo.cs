namespace TrainingService.Core.Datasets;

/// <summary>
/// What a caller needs to know about a dataset before loading it: the shape a model must accept,
/// the classes it must output, and the per-channel statistics its inputs are normalized with.
/// </summary>
/// <param name="Name">Registry key and folder name under the dataset root, e.g. "mnist".</param>
/// <param name="Mean">Per-channel mean of the training pixels scaled to [0, 1].</param>
/// <param name="Std">Per-channel standard deviation of the training pixels scaled to [0, 1].</param>
/// <param name="Source">Where the data comes from, for display and attribution.</param>
public sealed record DatasetInfo(
    string Name,
    string DisplayName,
    int Channels,
    int Height,
    int Width,
    IReadOnlyList<string> ClassNames,
    int TrainCount,
    int TestCount,
    float[] Mean,
    float[] Std,
    string Source)
{
    public int ClassCount => ClassNames.Count;
}
