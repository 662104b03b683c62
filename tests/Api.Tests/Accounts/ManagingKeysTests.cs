using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrainingService.Api.Identity;
using TrainingService.Core.Identity;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>A user's own keys: created with the secret shown once, listed without it, revoked at once.</summary>
public sealed class ManagingKeysTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_new_key_shows_its_secret_once_and_is_listed_by_name_and_prefix_only()
    {
        var member = await api.CreateUserAsync("keys-once");
        var client = api.CreateClientWithKey(member.Key.Secret);

        var response = await client.PostAsJsonAsync("/api/keys", new { name = "laptop" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.True(ApiKeySecret.IsWellFormed(secret));
        Assert.Equal("laptop", created.GetProperty("name").GetString());
        Assert.Equal(ApiKeySecret.PrefixOf(secret), created.GetProperty("prefix").GetString());
        var listing = await client.GetStringAsync("/api/keys");
        Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        var keys = JsonDocument.Parse(listing).RootElement.EnumerateArray().ToList();
        Assert.Equal(["laptop", "tests"], keys.Select(k => k.GetProperty("name").GetString()));
        Assert.All(keys, k => Assert.False(k.TryGetProperty("secret", out _)));
        Assert.All(keys, k => Assert.False(k.TryGetProperty("hash", out _)));
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClientWithKey(secret).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Me_names_the_caller_their_role_and_the_key_they_used()
    {
        var member = await api.CreateUserAsync("keys-me");

        var me = await api.CreateClientWithKey(member.Key.Secret).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(member.User.Id, me.GetProperty("id").GetGuid());
        Assert.Equal("keys-me", me.GetProperty("name").GetString());
        Assert.Equal("member", me.GetProperty("role").GetString());
        var key = me.GetProperty("key");
        Assert.Equal(member.Key.Key.Id, key.GetProperty("id").GetGuid());
        Assert.Equal("tests", key.GetProperty("name").GetString());
        Assert.Equal(member.Key.Key.Prefix, key.GetProperty("prefix").GetString());
        Assert.Equal("admin", (await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_401_on_the_next_request()
    {
        var member = await api.CreateUserAsync("keys-revoked");
        var client = api.CreateClientWithKey(member.Key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var revoked = await client.DeleteAsync($"/api/keys/{member.Key.Key.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var refused = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var keys = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/users/{member.User.Id}/keys");
        Assert.NotEqual(JsonValueKind.Null, keys[0].GetProperty("revokedAt").ValueKind);
    }

    [Theory]
    [InlineData("the key")]
    [InlineData("every key of its user")]
    public async Task A_key_revoked_by_another_process_is_refused_within_moments_though_this_instance_just_let_it_in(string revoking)
    {
        var member = await api.CreateUserAsync($"keys-elsewhere-{revoking.Length}");
        var client = api.CreateClientWithKey(member.Key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        // As ./run.sh accounts or a second Api instance would: its own store on the same database.
        var elsewhere = TestAccounts.Store(api.Database.ConnectionString);

        if (revoking == "the key") await elsewhere.RevokeKeyAsync(member.Key.Key.Id, null, CancellationToken.None);
        else await elsewhere.RevokeAllKeysAsync(member.User.Id, CancellationToken.None);

        // Well inside the cache's lifetime, so only the revocation's notification can have ended it.
        var deadline = DateTime.UtcNow + AuthenticatedKeyCache.Lifetime / 4;
        HttpStatusCode status;
        while ((status = (await client.GetAsync("/api/me")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_keys_last_used_time_is_kept()
    {
        var member = await api.CreateUserAsync("keys-last-used");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await api.CreateClientWithKey(member.Key.Secret).GetAsync("/api/me");

        var keys = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/users/{member.User.Id}/keys");
        Assert.True(keys[0].GetProperty("lastUsedAt").GetDateTimeOffset() >= before);
    }

    [Fact]
    public async Task A_member_revoking_another_users_key_gets_404_and_the_key_keeps_working()
    {
        var owner = await api.CreateUserAsync("keys-owner");
        var other = await api.CreateUserAsync("keys-other");

        var response = await api.CreateClientWithKey(other.Key.Secret).DeleteAsync($"/api/keys/{owner.Key.Key.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClientWithKey(owner.Key.Secret).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClientWithKey(other.Key.Secret).DeleteAsync($"/api/keys/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_admin_may_revoke_any_users_key()
    {
        var member = await api.CreateUserAsync("keys-by-admin");

        var response = await api.CreateClient().DeleteAsync($"/api/keys/{member.Key.Key.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClientWithKey(member.Key.Secret).GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("{\"name\": \"a\\u0000b\"}", "name")]
    [InlineData("{\"name\": 5}", "name")]
    [InlineData("{\"nmae\": \"laptop\"}", "nmae")]
    [InlineData("[1]", "$")]
    public async Task A_bad_key_request_is_refused_with_400_naming_the_field(string body, string field)
    {
        var response = await api.CreateClient().PostAsync("/api/keys", SubmittingJobsTests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_key_name_longer_than_100_characters_is_refused()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/keys", new { name = new string('k', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100", (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task A_key_request_without_a_body_makes_a_key_named_default()
    {
        var response = await api.CreateClient().PostAsync("/api/keys", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("default", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
    }
}
