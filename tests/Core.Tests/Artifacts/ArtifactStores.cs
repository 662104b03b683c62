using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Persistence;
using TrainingService.Tests.Shared;

namespace TrainingService.Core.Tests.Artifacts;

/// <summary>Both back-ends of the artifact store: a folder store in a temporary folder and a PostgreSQL store on a fresh, migrated database.</summary>
public sealed class ArtifactStores : IAsyncLifetime
{
    public const string Folder = "folder";
    public const string Postgres = "postgres";

    private TestDatabase? database;

    public string Root { get; } = Directory.CreateTempSubdirectory("artifact-store-").FullName;
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using (var db = new TrainingDbContext(new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(database.ConnectionString).Options))
        {
            await db.Database.MigrateAsync();
        }
        DataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public IArtifactStore Get(string backend) => backend switch
    {
        Folder => FolderArtifactStore.Create(new ArtifactStoreOptions { Root = Path.Combine(Root, "store") }, new StorageOptions()),
        Postgres => new PostgresArtifactStore(DataSource, TimeProvider.System),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    public async Task<long> CountChunksAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM artifact_chunks");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
