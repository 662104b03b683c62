using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TrainingService.Core.Identity;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.Accounts;

/// <summary>The accounts command on a real database, and the key it prints against the real Api process.</summary>
public sealed class FirstRunTests
{
    private const string WebBase = "http://127.0.0.1:5999";

    [Fact]
    public async Task First_run_on_a_fresh_database_prints_a_key_and_a_sign_in_url_once_and_stores_only_its_hash()
    {
        await using var database = await TestDatabase.CreateAsync();

        var first = await AccountsCommand.RunAsync(database.ConnectionString, "first-run", "--sign-in-url", WebBase + "/");
        var second = await AccountsCommand.RunAsync(database.ConnectionString, "first-run", "--sign-in-url", WebBase);

        Assert.True(first.ExitCode == 0, first.ToString());
        var key = AccountsCommand.PrintedKey(first);
        Assert.Contains($"{WebBase}/signin#key={key}", first.Output);
        Assert.Contains("will NOT be shown again", first.Output);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Empty(ApiKeys.Find(second.Output + second.Error));
        Assert.Contains("create-key admin --revoke-others", second.Output);

        var rows = await RowsAsTextAsync(database.ConnectionString, "api_keys");
        var row = Assert.Single(rows);
        Assert.DoesNotContain(key, row);
        Assert.DoesNotContain(key[ApiKeySecret.PrefixLength..], row);
        Assert.Contains(ApiKeySecret.Hash(key), row);
        Assert.Contains(ApiKeySecret.PrefixOf(key), row);
        Assert.Contains("\"admin\"", Assert.Single(await RowsAsTextAsync(database.ConnectionString, "users")));
    }

    [Fact]
    public async Task The_printed_key_works_against_the_real_api_until_a_reset_with_revoke_others_makes_it_401()
    {
        await using var database = await TestDatabase.CreateAsync();
        var key = AccountsCommand.PrintedKey(await AccountsCommand.RunAsync(database.ConnectionString, "first-run", "--sign-in-url", WebBase));
        var api = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        await using var apiProcess = ServiceProcess.Start("Api", new Dictionary<string, string>
        {
            ["ConnectionStrings__TrainingDb"] = database.ConnectionString,
            ["StorageOptions__CheckpointRoot"] = Directory.CreateTempSubdirectory("e2e-accounts-").FullName,
            ["StorageOptions__DatasetRoot"] = RepositoryPaths.DatasetRoot,
        }, "--urls", api.ToString());
        await apiProcess.WaitUntilHealthyAsync(new Uri(api, "/health"), TimeSpan.FromSeconds(60));
        using var anonymous = SignedInApi.Client(api, null);
        using var admin = SignedInApi.Client(api, key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/jobs")).StatusCode);

        var reset = await AccountsCommand.RunAsync(database.ConnectionString, "create-key", "admin", "--name", "reset", "--revoke-others");
        Assert.True(reset.ExitCode == 0, reset.ToString());
        var newKey = AccountsCommand.PrintedKey(reset);
        using var renewed = SignedInApi.Client(api, newKey);

        var revoked = await admin.GetAsync("/api/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("Bearer", revoked.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/jobs")).StatusCode);

        var me = await renewed.GetAsync("/api/me");
        Assert.True(me.StatusCode == HttpStatusCode.OK, $"GET /api/me answered {(int)me.StatusCode}:\n{apiProcess.Output}");
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admin", body.GetProperty("name").GetString());
        Assert.Equal("admin", body.GetProperty("role").GetString());
        Assert.Equal(ApiKeySecret.PrefixOf(newKey), body.GetProperty("key").GetProperty("prefix").GetString());
    }

    [Theory]
    [InlineData("create-user", "Not A Name")]
    [InlineData("create-user", "alice", "--role", "root")]
    [InlineData("create-key")]
    [InlineData("revoke-key", "admin", "not-a-prefix")]
    [InlineData("make-coffee")]
    public async Task Bad_input_exits_2_with_a_message_and_no_stack_trace(params string[] arguments)
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await AccountsCommand.RunAsync(database.ConnectionString, arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.NotEqual("", result.Error.Trim());
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
    }

    [Fact]
    public async Task An_unknown_user_exits_1_and_list_keys_never_shows_a_secret()
    {
        await using var database = await TestDatabase.CreateAsync();
        var created = await AccountsCommand.RunAsync(database.ConnectionString, "create-user", "alice");
        var key = AccountsCommand.PrintedKey(created);

        var unknown = await AccountsCommand.RunAsync(database.ConnectionString, "list-keys", "bob");
        var listed = await AccountsCommand.RunAsync(database.ConnectionString, "list-keys", "alice");
        var revoked = await AccountsCommand.RunAsync(database.ConnectionString, "revoke-key", "alice", ApiKeySecret.PrefixOf(key));

        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("No user named 'bob'", unknown.Error);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(ApiKeySecret.PrefixOf(key), listed.Output);
        Assert.Empty(ApiKeys.Find(listed.Output));
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Null(await TestAccounts.Store(database.ConnectionString).AuthenticateAsync(key, CancellationToken.None));
    }

    private static async Task<List<string>> RowsAsTextAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM {table} t", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
