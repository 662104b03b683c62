using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Configuration;
using TrainingService.Web.Security;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Clients;

/// <summary>The circuit's hub connection against a real HTTP server that checks keys as the Api does.</summary>
public sealed class TrainingHubConnectionKeyTests : IAsyncLifetime
{
    private const string Negotiate = "/hubs/training/negotiate";
    private StandInAccountsApi api = null!;

    public async Task InitializeAsync() => api = await StandInAccountsApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task The_hub_is_asked_with_the_signed_in_users_key_as_bearer()
    {
        await using var hub = Connect(StandInAccountsApi.MemberKey);

        await WaitUntilAsync(() => api.AuthorizationsOf(Negotiate).Count > 0);

        Assert.Equal("Bearer " + StandInAccountsApi.MemberKey, api.AuthorizationsOf(Negotiate)[0]);
    }

    [Fact]
    public async Task A_hub_that_refuses_the_key_is_not_asked_again()
    {
        api.Revoke(StandInAccountsApi.MemberKey);
        await using var hub = Connect(StandInAccountsApi.MemberKey);

        await WaitUntilAsync(() => api.AuthorizationsOf(Negotiate).Count > 0);
        // The retry policy's second attempt would come 2 s after the first.
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Single(api.AuthorizationsOf(Negotiate));
        Assert.False(hub.IsConnected);
    }

    private TrainingHubConnection Connect(string key)
    {
        var session = new ApiKeyAccessor(new HttpContextAccessor());
        session.UseCircuitUser(SessionClaims.For(new MeDto(Guid.NewGuid(), "alice", UserRoles.Member, new MeKeyDto(Guid.NewGuid(), "laptop", key[..12])), key));
        var endpoints = new ApiEndpoints(Options.Create(new ApiOptions { BaseUrl = api.Address }));
        var hub = new TrainingHubConnection(endpoints, session, NullLogger<TrainingHubConnection>.Instance);
        hub.Connect();
        return hub;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The hub was never asked.");
            await Task.Delay(50);
        }
    }
}
