using Hangfire;
using Hangfire.PostgreSql;

namespace TrainingService.Core.Queueing;

/// <summary>The one Hangfire storage configuration the Api (client) and the Worker (server) share.</summary>
public static class HangfireStorageSetup
{
    public static IGlobalConfiguration UseTrainingStorage(this IGlobalConfiguration configuration, string connectionString) =>
        configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(options => options.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                // Without sliding, a job still running after the invisibility timeout is fetched again by another worker.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
                // LISTEN/NOTIFY wake-ups instead of the 15 s queue poll.
                EnableLongPolling = true,
                QueuePollInterval = TimeSpan.FromSeconds(5),
            });
}
