namespace TrainingService.Contracts.Datasets;

/// <summary>Everything a job can train on.</summary>
/// <param name="BuiltIn">The datasets picked by name, in the registry's order.</param>
/// <param name="Uploaded">The uploaded image folders, picked by id, oldest first.</param>
public sealed record DatasetListResource(IReadOnlyList<BuiltInDatasetResource> BuiltIn, IReadOnlyList<UploadedDatasetResource> Uploaded);
