namespace TrainingService.PredictBenchmark.Measurement;

/// <summary>What <see cref="PredictionLatency.MeasureAsync"/> measured and checked.</summary>
public sealed record PredictionFigures(
    double ColdMs, string ColdOutcome, LatencySummary Warm, LatencySummary WarmWithoutCache, LatencySummary WarmAlone, IReadOnlyDictionary<string, int> WarmOutcomes,
    int BatchSize, int BatchPredictions, LatencySummary Batch, bool WarmEqualsCold, int BatchMismatches)
{
    public double BatchImagesPerSecond => BatchSize / (Batch.P50 / 1000);
}
