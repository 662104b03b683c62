namespace TrainingService.Core.Tests.Datasets;

/// <summary>A clock that always reads the same instant, so manifests can be compared exactly.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public FixedTime()
        : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
