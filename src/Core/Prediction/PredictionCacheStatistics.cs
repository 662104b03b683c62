namespace TrainingService.Core.Prediction;

/// <summary>What the prediction cache has done since the process started, and what it holds now.</summary>
public sealed record PredictionCacheStatistics(long Hits, long Misses, long Evictions, int Entries, long Bytes, long SizeLimitBytes);
