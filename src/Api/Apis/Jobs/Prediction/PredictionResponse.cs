using TrainingService.Core.Prediction;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary>Per image, its top classes with softmax probabilities, from the named checkpoint.</summary>
public sealed record PredictionResponse(Guid JobId, string Checkpoint, int CheckpointEpoch, IReadOnlyList<ImagePrediction> Predictions);
