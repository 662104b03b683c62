namespace TrainingService.Api.Problems;

/// <summary>How the Api answers while PostgreSQL is down (configuration section <c>DatabaseAvailability</c>).</summary>
public sealed class DatabaseAvailabilityOptions
{
    public const string SectionName = "DatabaseAvailability";

    /// <summary>The <c>Retry-After</c> of a 503, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>
    /// How often, after a connection failure, the database is probed in the background; until a probe
    /// succeeds, requests that need the database are answered 503 at once without touching it.
    /// </summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RetryAfterSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(ProbeInterval, TimeSpan.FromMilliseconds(10));
    }
}
