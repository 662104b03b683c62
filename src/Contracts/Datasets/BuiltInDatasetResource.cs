namespace TrainingService.Contracts.Datasets;

/// <summary>A dataset the service knows by name; a job picks it with <c>"dataset": {"name": "&lt;name&gt;"}</c>.</summary>
/// <param name="Name">The name a job gives, such as <c>mnist</c>.</param>
/// <param name="DisplayName">A name for people.</param>
/// <param name="Channels">Channels of its images.</param>
/// <param name="Height">Height of its images.</param>
/// <param name="Width">Width of its images.</param>
/// <param name="ClassNames">Class names in label order.</param>
/// <param name="TrainCount">Images in the training split.</param>
/// <param name="TestCount">Images in the test split.</param>
/// <param name="Source">Where the data comes from, for display and attribution.</param>
public sealed record BuiltInDatasetResource(
    string Name,
    string DisplayName,
    int Channels,
    int Height,
    int Width,
    IReadOnlyList<string> ClassNames,
    int TrainCount,
    int TestCount,
    string Source);
