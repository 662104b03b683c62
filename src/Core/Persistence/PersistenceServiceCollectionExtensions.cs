using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingService.Core.Persistence;

/// <summary>Registers the database, shared by the Api and the Worker.</summary>
public static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "TrainingDb";

    /// <summary>With delays growing to 5 s, about a minute of retries: a run outlives a PostgreSQL restart or a short outage.</summary>
    private const int RetryCount = 14;

    public static IServiceCollection AddTrainingPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<TrainingDbContext>(options => options.UseNpgsql(connectionString,
            npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: RetryCount, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<JobLifecycle>();
        services.AddSingleton<TrainingRecords>();
        services.AddSingleton<JobQueries>();
        return services;
    }

    /// <summary>Applies pending migrations, waiting for the server to accept connections first.</summary>
    public static async Task MigrateTrainingDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
