namespace TrainingService.Web.Tests.TestSupport;

/// <summary>A clock that reads what the test set, for "3 s ago" and lease arithmetic; timers still run on real time.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
