using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingService.Core.Identity;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>
/// The real Api in memory, on a fresh PostgreSQL database of its own. Its clients sign in as an admin
/// created on first use; tests about who may see what make members of their own with <see cref="CreateUserAsync"/>.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private readonly Lazy<string> _adminKey;

    public ApiFactory() => _adminKey = TestKeys.FirstAdmin(() => Database.ConnectionString);

    /// <summary>The key every client from <c>CreateClient</c> sends.</summary>
    public string AdminKey => _adminKey.Value;

    /// <summary>A user of the running Api's database, with a first key.</summary>
    public Task<CreatedUser> CreateUserAsync(string name, UserRole role = UserRole.Member) =>
        TestAccounts.CreateUserAsync(Database.ConnectionString, name, role);

    /// <summary>A client that sends <paramref name="key"/>, or no key at all when it is null.</summary>
    public HttpClient CreateClientWithKey(string? key) => CreateDefaultClient().Sending(key);

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Sending(AdminKey);
    }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public string CheckpointRoot { get; } = Directory.CreateTempSubdirectory("api-tests-").FullName;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:TrainingDb", Database.ConnectionString);
        builder.UseSetting("StorageOptions:CheckpointRoot", CheckpointRoot);
        builder.UseSetting("StorageOptions:DatasetRoot", RepositoryPaths.DatasetRoot);
        // The hostile tables send hundreds of submissions a minute with one key; KeyLimitsTests sets its own small limits.
        builder.UseSetting("ApiKeyLimits:SubmissionsPerMinute", "1000000");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        Directory.Delete(CheckpointRoot, recursive: true);
    }
}
