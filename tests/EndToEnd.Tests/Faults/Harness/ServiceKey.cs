using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;

namespace TrainingService.Faults.Harness;

/// <summary>
/// The admin key a scenario's clients send, made in the scenario's database with the service's own
/// <see cref="AccountStore"/> before the Api starts, as the accounts command makes it on a first run.
/// </summary>
public sealed record ServiceKey(string Secret)
{
    public static async Task<ServiceKey> CreateAdminAsync(string connectionString)
    {
        await using var provider = new ServiceCollection().AddTrainingPersistence(connectionString).BuildServiceProvider();
        await provider.MigrateTrainingDatabaseAsync();
        var created = await provider.GetRequiredService<AccountStore>()
            .CreateUserAsync("fault-admin", UserRole.Admin, "faults", CancellationToken.None);
        return new ServiceKey(created.Key.Secret);
    }

    /// <summary>A client of <paramref name="api"/> that sends this key.</summary>
    public HttpClient Client(Uri api, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = api, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return http;
    }
}
