using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>Admins manage users and their keys; members are refused every admin route.</summary>
public sealed class ManagingUsersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_creates_a_user_whose_first_key_signs_in_as_them()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/users", new { name = "alice", role = "member" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var user = created.GetProperty("user");
        Assert.Equal("alice", user.GetProperty("name").GetString());
        Assert.Equal("member", user.GetProperty("role").GetString());
        var secret = created.GetProperty("key").GetProperty("secret").GetString()!;
        var me = await api.CreateClientWithKey(secret).GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(user.GetProperty("id").GetGuid(), me.GetProperty("id").GetGuid());
        var users = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("name").GetString() == "alice" && u.GetProperty("role").GetString() == "member");
    }

    [Fact]
    public async Task A_user_made_an_admin_may_manage_users()
    {
        var created = await (await api.CreateClient().PostAsJsonAsync("/api/users", new { name = "second-admin", role = "admin" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var listing = await api.CreateClientWithKey(created.GetProperty("key").GetProperty("secret").GetString()).GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
    }

    [Fact]
    public async Task A_second_user_of_the_same_name_gets_409()
    {
        await api.CreateUserAsync("duplicate");

        var response = await api.CreateClient().PostAsJsonAsync("/api/users", new { name = "duplicate" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(409, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("{\"name\": \"Alice\"}", "name")]
    [InlineData("{\"name\": \"\"}", "name")]
    [InlineData("{\"name\": \"a b\"}", "name")]
    [InlineData("{\"name\": \"-alice\"}", "name")]
    [InlineData("{\"role\": \"member\"}", "name")]
    [InlineData("{\"name\": \"bob\", \"role\": \"root\"}", "role")]
    [InlineData("{\"name\": \"bob\", \"role\": \"Admin\"}", "role")]
    [InlineData("{\"name\": \"bob\", \"admin\": true}", "admin")]
    [InlineData("{\"name\": [\"bob\"]}", "name")]
    public async Task A_bad_user_is_refused_with_400_naming_the_field(string body, string field)
    {
        var response = await api.CreateClient().PostAsync("/api/users", SubmittingJobsTests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_user_name_of_65_characters_is_refused()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/users", new { name = new string('a', 65) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_lists_a_users_keys_and_hands_them_a_new_one()
    {
        var member = await api.CreateUserAsync("handed-a-key");
        var admin = api.CreateClient();

        var created = await admin.PostAsJsonAsync($"/api/users/{member.User.Id}/keys", new { name = "replacement" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
        var me = await api.CreateClientWithKey(secret).GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("handed-a-key", me.GetProperty("name").GetString());
        var keys = await admin.GetFromJsonAsync<JsonElement>($"/api/users/{member.User.Id}/keys");
        Assert.Equal(["replacement", "tests"], keys.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task The_keys_of_a_user_that_does_not_exist_are_404(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/users/{Guid.NewGuid()}/keys");

        var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/users")]
    [InlineData("POST", "/api/users")]
    [InlineData("GET", "/api/users/{self}/keys")]
    [InlineData("POST", "/api/users/{self}/keys")]
    [InlineData("GET", "/api/users/{other}/keys")]
    [InlineData("POST", "/api/users/{other}/keys")]
    public async Task A_member_is_refused_every_admin_route_with_403_problem_details(string method, string path)
    {
        var member = await api.CreateUserAsync("refused-" + Guid.NewGuid().ToString("N")[..8]);
        var other = await api.CreateUserAsync("other-" + Guid.NewGuid().ToString("N")[..8]);
        using var request = new HttpRequestMessage(new HttpMethod(method),
            path.Replace("{self}", member.User.Id.ToString(), StringComparison.Ordinal).Replace("{other}", other.User.Id.ToString(), StringComparison.Ordinal))
        {
            Content = method == "POST" ? JsonContent.Create(new { name = "sneaky" }) : null,
        };

        var response = await api.CreateClientWithKey(member.Key.Secret).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
        var users = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/users");
        Assert.DoesNotContain(users.EnumerateArray(), u => u.GetProperty("name").GetString() == "sneaky");
        var keys = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/users/{other.User.Id}/keys");
        Assert.Equal(1, keys.GetArrayLength());
    }
}
