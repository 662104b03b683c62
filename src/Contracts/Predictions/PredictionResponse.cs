namespace TrainingService.Contracts.Predictions;

/// <summary><c>POST /api/jobs/{id}/predict</c>: per image, its top classes with softmax probabilities, from the named checkpoint.</summary>
public sealed record PredictionResponse(Guid JobId, string Checkpoint, int CheckpointEpoch, IReadOnlyList<ImagePrediction> Predictions);
