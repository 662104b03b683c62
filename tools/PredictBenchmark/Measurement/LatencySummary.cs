namespace TrainingService.PredictBenchmark.Measurement;

/// <summary>Latencies in milliseconds over a run of requests.</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double Max)
{
    public static LatencySummary Of(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new LatencySummary(sorted.Count, At(0.50), At(0.95), sorted[^1]);
    }
}

