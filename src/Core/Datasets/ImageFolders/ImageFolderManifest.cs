namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// The <c>dataset.json</c> of an imported image folder: everything known about it without reading its
/// tensors. Mean and std are per channel over the training split scaled to [0, 1], computed at import.
/// </summary>
/// <param name="TestHeldOut">True when the upload had no <c>test/</c> folder and <see cref="HoldoutFraction"/> of train was held out.</param>
/// <param name="HoldoutSeed">Seed of the held-out choice, so the split can be reproduced from the upload.</param>
public sealed record ImageFolderManifest(
    Guid Id,
    string Name,
    DateTimeOffset Created,
    IReadOnlyList<string> ClassNames,
    int Channels,
    int Height,
    int Width,
    int TrainCount,
    int TestCount,
    float[] Mean,
    float[] Std,
    bool TestHeldOut,
    double? HoldoutFraction,
    long? HoldoutSeed,
    int FormatVersion = ImageFolderManifest.CurrentFormatVersion)
{
    public const int CurrentFormatVersion = 1;

    public DatasetInfo ToInfo() => new(
        UploadedImageFolders.Name, Name, Channels, Height, Width, ClassNames, TrainCount, TestCount,
        [.. Mean], [.. Std], $"uploaded image folder {Id} ({Created:u})");
}
