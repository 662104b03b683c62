using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace TrainingService.Api.Tests;

/// <summary>The short version of <c>tools/SubmitLoad</c>: an open-loop burst of submissions with one key, then the store and the queue checked.</summary>
public sealed class SubmittingAtAFixedRateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Submissions = 30;
    private const double PerSecond = 30;

    [Fact]
    public async Task Submissions_sent_at_a_fixed_rate_without_waiting_for_answers_are_all_stored_and_enqueued()
    {
        var member = await api.CreateUserAsync("rate-member");
        using var client = api.CreateClientWithKey(member.Key.Secret);

        var clock = Stopwatch.StartNew();
        var sends = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < Submissions; i++)
        {
            var wait = TimeSpan.FromSeconds(i / PerSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            sends.Add(client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid()));
        }
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new List<Guid>();
        foreach (var response in responses) ids.Add(Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!));
        Assert.Equal(Submissions, ids.Distinct().Count());
        // Each answer came once its job was stored; the Hangfire jobs follow off the requests' path.
        var deadline = Stopwatch.StartNew();
        while (await EnqueuedAsync(ids) < Submissions && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        Assert.Equal(Submissions, await EnqueuedAsync(ids));
    }

    /// <summary>The jobs among <paramref name="ids"/> whose row names a Hangfire job in the Enqueued state.</summary>
    private async Task<long> EnqueuedAsync(List<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM training_jobs j JOIN hangfire.job h ON h.id = j."HangfireJobId"::bigint
            WHERE j."Id" = ANY(@ids) AND j."Status" = 'Queued' AND h.statename = 'Enqueued'
            """, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
