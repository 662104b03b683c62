namespace TrainingService.Api.Tests.Library;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
