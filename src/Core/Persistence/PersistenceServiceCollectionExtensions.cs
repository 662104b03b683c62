using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrainingService.Core.Persistence;

/// <summary>Registers the database, shared by the Api and the Worker.</summary>
public static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "TrainingDb";

    /// <summary>
    /// The retry policy and connect timeout come from <see cref="DatabaseResilienceOptions"/>, which each
    /// process binds with its own defaults: the Worker rides out outages, the Api answers quickly.
    /// </summary>
    public static IServiceCollection AddTrainingPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<DatabaseResilienceOptions>();
        services.AddDbContextFactory<TrainingDbContext>((provider, options) =>
        {
            var resilience = provider.GetRequiredService<IOptions<DatabaseResilienceOptions>>().Value;
            resilience.Validate();
            options.UseNpgsql(resilience.Apply(connectionString), npgsql => npgsql.EnableRetryOnFailure(
                maxRetryCount: resilience.MaxRetryCount, maxRetryDelay: resilience.MaxRetryDelay, errorCodesToAdd: null));
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<JobLifecycle>();
        services.AddSingleton<TrainingRecords>();
        services.AddSingleton<JobQueries>();
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton<Identity.AccountStore>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations, waiting for the server to accept connections first: always with the
    /// default, patient policy, so a process started alongside PostgreSQL waits for it whatever its
    /// requests use.
    /// </summary>
    public static async Task MigrateTrainingDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        string connectionString;
        await using (var configured = await factory.CreateDbContextAsync(cancellationToken))
        {
            connectionString = configured.Database.GetConnectionString()
                ?? throw new InvalidOperationException("The training database has no connection string.");
        }
        var patient = new DatabaseResilienceOptions();
        var options = new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(patient.Apply(connectionString), npgsql => npgsql.EnableRetryOnFailure(
            maxRetryCount: patient.MaxRetryCount, maxRetryDelay: patient.MaxRetryDelay, errorCodesToAdd: null)).Options;
        await using var db = new TrainingDbContext(options);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
