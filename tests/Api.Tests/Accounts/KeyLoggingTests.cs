using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>A key sent in the hub's URL, as browsers must send it, is never written to any log.</summary>
public sealed class KeyLoggingTests(LoggingApiFactory api) : IClassFixture<LoggingApiFactory>
{
    [Fact]
    public async Task A_hub_connection_with_the_key_in_access_token_leaves_no_trace_of_it_in_any_log_message()
    {
        var member = await api.CreateUserAsync("logged-member");
        var secret = member.Key.Secret;
        var baseAddress = api.CreateClient().BaseAddress!;

        await using (var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, $"/hubs/training?access_token={secret}"))
            .Build())
        {
            await connection.StartAsync();
            await connection.InvokeAsync("JoinAllJobs");
            await connection.StopAsync();
        }
        var refused = await api.CreateClientWithKey(null).GetAsync($"/api/jobs?access_token={secret}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var messages = api.Logs.Messages;
        Assert.Contains(messages, m => m.Level == LogLevel.Information && m.Message.Contains("/hubs/training", StringComparison.Ordinal));
        var secretPart = secret[ApiKeySecretPrefixLength..];
        var leaks = messages.Where(m => m.Message.Contains(secretPart[..16], StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Select(l => $"{l.Category} {l.Level}: {l.Message}")));
    }

    private const int ApiKeySecretPrefixLength = Core.Identity.ApiKeySecret.PrefixLength;
}
