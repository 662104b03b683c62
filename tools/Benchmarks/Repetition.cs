namespace TrainingService.Benchmarks;

/// <summary>One timed pass of a path over one loader epoch.</summary>
internal sealed record Repetition(double Seconds, int Batches, long Images)
{
    public double BatchesPerSecond => Batches / Seconds;

    public double ImagesPerSecond => Images / Seconds;
}
