using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingService.Core.Identity;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>
/// The real Api served by Kestrel on a loopback port, on a database of its own (by default a fresh one on
/// TEST_POSTGRES): the in-memory TestServer enforces none of Kestrel's body limits and has no remote address.
/// Its clients sign in as an admin created on first use, as <see cref="ApiFactory"/>'s do.
/// </summary>
public class KestrelApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private string? _connectionString;
    private readonly Lazy<string> _adminKey;

    public KestrelApiFactory()
    {
        UseKestrel(0);
        _adminKey = TestKeys.FirstAdmin(() => ConnectionString);
    }

    /// <summary>The key every client from <c>CreateClient</c> sends.</summary>
    public string AdminKey => _adminKey.Value;

    public Task<CreatedUser> CreateUserAsync(string name, UserRole role = UserRole.Member) =>
        TestAccounts.CreateUserAsync(ConnectionString, name, role);

    /// <summary>A client that sends <paramref name="key"/>, or no key at all when it is null.</summary>
    public HttpClient CreateClientWithKey(string? key) => CreateDefaultClient().Sending(key);

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Sending(AdminKey);
    }

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Not initialised.");

    public string CheckpointRoot { get; } = Directory.CreateTempSubdirectory("api-kestrel-tests-").FullName;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _connectionString = _database.ConnectionString;
    }

    /// <summary>For a database the test owns the server of (see <see cref="ThrowawayPostgres"/>).</summary>
    protected void UseDatabase(string connectionString) => _connectionString = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:TrainingDb", ConnectionString);
        builder.UseSetting("StorageOptions:CheckpointRoot", CheckpointRoot);
        builder.UseSetting("StorageOptions:DatasetRoot", RepositoryPaths.DatasetRoot);
        // The hostile tables send hundreds of submissions a minute with one key; KeyLimitsTests sets its own small limits.
        builder.UseSetting("ApiKeyLimits:SubmissionsPerMinute", "1000000");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DisposeDependenciesAsync();
    }

    /// <summary>What the host ran on, once the host is gone.</summary>
    protected virtual async Task DisposeDependenciesAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        Directory.Delete(CheckpointRoot, recursive: true);
    }
}
