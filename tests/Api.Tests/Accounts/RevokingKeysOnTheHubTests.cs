using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using TrainingService.Api.Tests.Owners;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests.Accounts;

public sealed class RevokingKeysOnTheHubTests(ShortConnectionLifetimeFixture api) : IClassFixture<ShortConnectionLifetimeFixture>
{
    [Fact]
    public async Task A_hub_connection_whose_key_is_revoked_is_closed_and_cannot_reconnect()
    {
        var member = await api.CreateUserAsync("dave");
        await using var connection = Connect(member.Key.Secret);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error => { closed.TrySetResult(error); return Task.CompletedTask; };
        await connection.StartAsync();

        await TestAccounts.Store(api.ConnectionString).RevokeKeyAsync(member.Key.Key.Id, null, CancellationToken.None);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_connection_past_its_lifetime_reconnects_with_a_key_that_is_still_valid()
    {
        var member = await api.CreateUserAsync("erin");
        await using var connection = Connect(member.Key.Secret, reconnect: true);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Reconnected += _ => { reconnected.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();

        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    private HubConnection Connect(string key, bool reconnect = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(api.Api.CreateClient().BaseAddress!, "/hubs/training"),
            options => options.AccessTokenProvider = () => Task.FromResult<string?>(key));
        if (reconnect) builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
        return builder.Build();
    }
}
