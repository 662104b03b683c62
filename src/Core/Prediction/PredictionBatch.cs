using TrainingService.Contracts.Predictions;

namespace TrainingService.Core.Prediction;

/// <summary>Per image, its top classes; and its network input when that was asked for.</summary>
public sealed record PredictionBatch(IReadOnlyList<IReadOnlyList<ClassProbability>> Top, IReadOnlyList<NetworkInputImage>? Inputs);
