using TrainingService.Core.Models.Custom;

namespace TrainingService.Core.Jobs.Submission;

/// <summary>
/// The model part of a submitted job: a zoo <c>name</c> or a <c>custom</c> layer list;
/// <c>numClasses</c> follows the dataset when left out; <c>init</c> defaults to PyTorch's initialisation.
/// </summary>
public sealed record ModelSubmission(string? Name, int? NumClasses, IReadOnlyList<CustomLayerSpec>? Custom = null, string? Init = null);
