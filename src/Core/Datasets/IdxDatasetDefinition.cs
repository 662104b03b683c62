namespace TrainingService.Core.Datasets;

/// <summary>
/// The table entry of an IDX dataset (MNIST layout): its description and its four files, which live
/// under <c>&lt;root&gt;/&lt;Info.Name&gt;/</c>.
/// </summary>
public sealed record IdxDatasetDefinition(
    DatasetInfo Info,
    DatasetFile TrainImages,
    DatasetFile TrainLabels,
    DatasetFile TestImages,
    DatasetFile TestLabels);
