using TrainingService.Core.Prediction;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary>The top classes of one image (its file name when uploaded as a file).</summary>
public sealed record ImagePrediction(int Index, string? Name, IReadOnlyList<ClassProbability> Top);
