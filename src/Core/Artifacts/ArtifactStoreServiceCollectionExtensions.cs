using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Artifacts;

/// <summary>Registers the artifact store <see cref="ArtifactStoreOptions"/> chooses, its cache, and the checkpoint and dataset views of it.</summary>
public static class ArtifactStoreServiceCollectionExtensions
{
    /// <param name="connectionString">The training database, where the <c>postgres</c> back-end keeps artifacts; it rides out
    /// outages as the process's <see cref="DatabaseResilienceOptions"/> say.</param>
    public static IServiceCollection AddArtifactStore(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<ArtifactStoreOptions>().Validate(options => { options.Validate(); return true; });
        services.AddSingleton<IArtifactStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ArtifactStoreOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var resilience = sp.GetRequiredService<IOptions<DatabaseResilienceOptions>>().Value;
            return options.IsPostgres
                ? new PostgresArtifactStore(sp.GetRequiredService<ArtifactDataSource>().DataSource, sp.GetRequiredService<TimeProvider>(),
                    resilience.MaxRetryCount, resilience.MaxRetryDelay)
                : FolderArtifactStore.Create(options, storage);
        });
        services.AddSingleton(sp => new ArtifactDataSource(NpgsqlDataSource.Create(
            sp.GetRequiredService<IOptions<DatabaseResilienceOptions>>().Value.Apply(connectionString))));
        services.AddSingleton<ArtifactCache>();
        services.AddSingleton(sp => new CheckpointArtifacts(sp.GetRequiredService<IArtifactStore>(), sp.GetRequiredService<ArtifactCache>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => new ImageFolderArtifacts(sp.GetRequiredService<IArtifactStore>(), sp.GetRequiredService<ArtifactCache>(),
            new ImageFolderCatalog(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatasetRoot)));
        return services;
    }
}
