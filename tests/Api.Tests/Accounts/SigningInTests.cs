using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>What a request without a usable key gets, and what stays open to everyone.</summary>
public sealed class SigningInTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    public async Task A_request_without_a_valid_key_gets_401_problem_details_with_WWW_Authenticate_Bearer(string? key)
    {
        var response = await api.CreateClientWithKey(key).GetAsync("/api/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("An API key is required", problem.GetProperty("title").GetString());
        Assert.Contains(key is null ? "Authorization: Bearer" : "malformed, unknown or revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_operation_of_the_openapi_document_answers_401_without_a_key()
    {
        var document = await api.CreateClientWithKey(null).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var anonymous = api.CreateClientWithKey(null);
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var url = path.Name.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{name}", "lenet5", StringComparison.Ordinal);
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation.Name} {path.Name}: {(int)response.StatusCode}");
            operations++;
        }
        Assert.True(operations >= 25, $"{operations} operations");
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme_on_every_keyed_operation_so_swagger_ui_can_send_a_key()
    {
        var document = await api.CreateClientWithKey(null).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.All(operations, operation =>
        {
            Assert.True(operation.Value.TryGetProperty("security", out var security), operation.Value.GetProperty("operationId").GetString());
            Assert.True(security[0].TryGetProperty("Bearer", out _));
            Assert.True(operation.Value.GetProperty("responses").TryGetProperty("401", out _));
        });
        var listUsers = document.GetProperty("paths").GetProperty("/api/users").GetProperty("get");
        Assert.True(listUsers.GetProperty("responses").TryGetProperty("403", out _));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task Health_and_swagger_answer_without_a_key_and_with_a_bad_one(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClientWithKey(null).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClientWithKey("tsk_bad").GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_key_in_the_access_token_query_is_ignored_outside_the_hub()
    {
        var response = await api.CreateClientWithKey(null).GetAsync($"/api/me?access_token={api.AdminKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Token")]
    public async Task A_valid_key_under_another_scheme_than_bearer_gets_401(string scheme)
    {
        var client = api.CreateClientWithKey(null);
        var value = scheme == "Basic" ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + api.AdminKey)) : api.AdminKey;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, value);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_scheme_name_is_case_insensitive_as_http_says()
    {
        var client = api.CreateClientWithKey(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer " + api.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_negotiation_and_upgrade_without_a_valid_key_and_accepts_a_key_in_access_token()
    {
        var refused = await api.CreateClientWithKey(null).PostAsync("/hubs/training/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var accepted = await api.CreateClientWithKey(null).PostAsync($"/hubs/training/negotiate?negotiateVersion=1&access_token={api.AdminKey}", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, "/hubs/training"), options => options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler())
            .Build();
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        var upgrade = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            api.Server.CreateWebSocketClient().ConnectAsync(new Uri("ws://localhost/hubs/training?access_token=tsk_revoked"), CancellationToken.None));
        Assert.Contains("401", upgrade.Message);
    }
}
