namespace TrainingService.Contracts.Datasets;

/// <summary>An uploaded image folder. Train on it with <c>"dataset": {"name": "imagefolder", "id": "&lt;id&gt;"}</c>.</summary>
/// <param name="Id">Names the dataset in a job's <c>dataset.id</c> and in <c>/api/datasets/{id}</c>.</param>
/// <param name="Name">The display name given at upload.</param>
/// <param name="CreatedAt">When the import finished.</param>
/// <param name="ClassNames">Class folder names in label order (ordinal sort, as torchvision's ImageFolder).</param>
/// <param name="Channels">1 when every image was greyscale, else 3 (RGB).</param>
/// <param name="Height">Image height after any resize.</param>
/// <param name="Width">Image width after any resize.</param>
/// <param name="TrainCount">Images in the training split.</param>
/// <param name="TestCount">Images in the test split.</param>
/// <param name="TestHeldOut">True when the upload had no <c>test/</c> folder and a seeded 20% of train became the test split.</param>
/// <param name="Mean">Per-channel mean of the training pixels scaled to [0, 1].</param>
/// <param name="Std">Per-channel standard deviation of the training pixels scaled to [0, 1].</param>
public sealed record UploadedDatasetResource(
    Guid Id,
    string Name,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> ClassNames,
    int Channels,
    int Height,
    int Width,
    int TrainCount,
    int TestCount,
    bool TestHeldOut,
    IReadOnlyList<float> Mean,
    IReadOnlyList<float> Std);
