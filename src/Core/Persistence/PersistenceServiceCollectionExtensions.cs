using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingService.Core.Persistence;

/// <summary>Registers the database, shared by the Api and the Worker.</summary>
public static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "TrainingDb";

    public static IServiceCollection AddTrainingPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<TrainingDbContext>(options => options.UseNpgsql(connectionString,
            npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null)));
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
