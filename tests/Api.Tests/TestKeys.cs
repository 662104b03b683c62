using System.Net.Http.Headers;
using TrainingService.Core.Identity;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>How the test factories sign their clients in: one admin per database, made on first use.</summary>
public static class TestKeys
{
    public const string AdminName = "test-admin";

    public static Lazy<string> FirstAdmin(Func<string> connectionString) =>
        new(() => TestAccounts.CreateUserAsync(connectionString(), AdminName, UserRole.Admin).GetAwaiter().GetResult().Key.Secret);

    /// <summary>Makes <paramref name="client"/> send <paramref name="key"/>, or no key at all when it is null.</summary>
    public static HttpClient Sending(this HttpClient client, string? key)
    {
        client.DefaultRequestHeaders.Authorization = key is null ? null : new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
