using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>
/// A page of a foreign origin can neither change anything nor open the hub, even when the request carries a
/// valid key; CORS lets no other origin read answers unless <c>Cors:AllowedOrigins</c> names it.
/// </summary>
public sealed class CrossOriginTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Evil = "http://evil.example";

    [Theory]
    [InlineData(Evil)]
    [InlineData("null")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("https://localhost")]
    public async Task A_post_from_a_foreign_origin_is_refused_with_403_even_with_a_valid_key_and_stores_nothing(string origin)
    {
        var client = api.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/keys")).GetArrayLength();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(new { name = "from-evil" }) };
        request.Headers.Add("Origin", origin);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.Equal("Cross-origin request refused", problem.GetProperty("title").GetString());
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/keys")).GetArrayLength());
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Every_unsafe_method_from_a_foreign_origin_is_refused_before_anything_else(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/keys/{Guid.NewGuid()}");
        request.Headers.Add("Origin", Evil);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateClientWithKey(null).SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_post_from_the_apis_own_origin_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(new { name = "own-origin" }) };
        request.Headers.Add("Origin", "http://localhost");

        Assert.Equal(HttpStatusCode.Created, (await api.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_hub_negotiation_and_a_websocket_upgrade_from_a_foreign_origin_are_refused_with_a_valid_key()
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/training/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", Evil);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateClient().SendAsync(negotiate)).StatusCode);

        using var own = new HttpRequestMessage(HttpMethod.Post, "/hubs/training/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().SendAsync(own)).StatusCode);

        var sockets = api.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Origin = Evil;
        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            sockets.ConnectAsync(new Uri($"ws://localhost/hubs/training?access_token={api.AdminKey}"), CancellationToken.None));
        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task By_default_no_other_origin_may_read_an_answer_or_pass_a_preflight()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        read.Headers.Add("Origin", Evil);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/jobs");
        preflight.Headers.Add("Origin", Evil);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");

        var answer = await api.CreateClient().SendAsync(read);
        var preflightAnswer = await api.CreateClientWithKey(null).SendAsync(preflight);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflightAnswer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_origin_in_the_allowed_list_may_post_and_read_the_answer()
    {
        const string dashboard = "http://dashboard.example:8443";
        await using var allowing = api.WithWebHostBuilder(builder => builder.UseSetting("Cors:AllowedOrigins:0", dashboard + "/"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(new { name = "allowed-origin" }) };
        request.Headers.Add("Origin", dashboard);

        var response = await allowing.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(dashboard, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("http://dashboard.example/path")]
    [InlineData("dashboard.example")]
    [InlineData("ftp://dashboard.example")]
    public async Task An_allowed_origin_that_is_not_an_origin_stops_the_api_at_start(string origin)
    {
        await using var misconfigured = api.WithWebHostBuilder(builder => builder.UseSetting("Cors:AllowedOrigins:0", origin));

        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("Cors:AllowedOrigins", failure.ToString());
    }
}
