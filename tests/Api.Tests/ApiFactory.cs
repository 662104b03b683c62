using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>The real Api in memory, on a fresh PostgreSQL database of its own.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public string CheckpointRoot { get; } = Directory.CreateTempSubdirectory("api-tests-").FullName;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:TrainingDb", Database.ConnectionString);
        builder.UseSetting("StorageOptions:CheckpointRoot", CheckpointRoot);
        builder.UseSetting("StorageOptions:DatasetRoot", RepositoryPaths.DatasetRoot);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        Directory.Delete(CheckpointRoot, recursive: true);
    }
}
