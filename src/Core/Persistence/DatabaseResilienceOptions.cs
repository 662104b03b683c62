namespace TrainingService.Core.Persistence;

/// <summary>
/// How long a database operation rides out a failing PostgreSQL before giving up (configuration section
/// <c>DatabaseResilience</c>). The defaults are the Worker's: with delays growing to 5 s, about a minute of
/// retries, so a run outlives a PostgreSQL restart or a short outage. The Api answers a person waiting on a
/// request, so it gives up within a couple of seconds and says the database is unavailable instead.
/// </summary>
public sealed class DatabaseResilienceOptions
{
    public const string SectionName = "DatabaseResilience";

    /// <summary>Retries of an operation that failed with a transient error (0: none).</summary>
    public int MaxRetryCount { get; set; } = 14;

    /// <summary>The longest wait between two retries; the waits grow exponentially up to it.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long opening a connection may take (Npgsql counts whole seconds, at least one).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectTimeout, TimeSpan.FromSeconds(1));
    }

    /// <summary>The connection string with <see cref="ConnectTimeout"/> as its <c>Timeout</c>.</summary>
    public string Apply(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)Math.Ceiling(ConnectTimeout.TotalSeconds) }.ConnectionString;
}
