using Xunit.Abstractions;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrainingService.Api.Tests;

/// <summary>
/// PostgreSQL stops under a running Api: requests that need it are answered 503 with problem details and
/// <c>Retry-After</c> within 2 s (the bound), readiness says the database is down while liveness stays
/// 200, and once PostgreSQL is back requests succeed again without restarting the Api.
/// </summary>
public sealed class DatabaseOutageTests(OwnClusterApiFactory api, ITestOutputHelper output) : IClassFixture<OwnClusterApiFactory>
{
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task While_postgres_is_down_requests_are_answered_503_quickly_and_succeed_again_once_it_is_back()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/jobs")).StatusCode);

        await api.Postgres.StopAsync();
        try
        {
            // The first request meets the dead pooled connections and the refused new one; the next finds the gate closed.
            await AssertUnavailableQuicklyAsync(() => client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid()));
            await AssertUnavailableQuicklyAsync(() => client.GetAsync("/api/jobs"));
            await AssertUnavailableQuicklyAsync(() => client.GetAsync($"/api/jobs/{Guid.NewGuid()}"));
            var flood = Stopwatch.StartNew();
            var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("/api/jobs")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode));
            Assert.True(flood.Elapsed < AnswerBound, $"50 requests during the outage took {flood.Elapsed}.");

            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.NotNull(ready.Headers.RetryAfter);
            var readiness = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Unhealthy", readiness.GetProperty("status").GetString());
            var database = ReadinessTests.Check(readiness, "database");
            Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
            Assert.StartsWith("PostgreSQL is unreachable: ", database.GetProperty("description").GetString());

            var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

            // Even endpoints that read nothing stored need PostgreSQL to look the key up, and the gate answers for them too.
            await AssertUnavailableQuicklyAsync(() => client.GetAsync("/api/models"));
        }
        finally
        {
            await api.Postgres.StartAgainAsync();
        }

        var back = Stopwatch.StartNew();
        HttpResponseMessage listing;
        do
        {
            await Task.Delay(200);
            listing = await client.GetAsync("/api/jobs");
        }
        while (listing.StatusCode == HttpStatusCode.ServiceUnavailable && back.Elapsed < TimeSpan.FromSeconds(20));
        output.WriteLine($"Requests succeed again {back.Elapsed.TotalMilliseconds:0} ms after PostgreSQL started");
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Equal(1, (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).StatusCode);
        var readyAgain = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;
        Assert.Equal("Healthy", ReadinessTests.Check(readyAgain, "database").GetProperty("status").GetString());
    }

    private async Task AssertUnavailableQuicklyAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        clock.Stop();
        output.WriteLine($"503 after {clock.Elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(clock.Elapsed < AnswerBound, $"The 503 took {clock.Elapsed}; the bound is {AnswerBound}.");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.4", problem.GetProperty("type").GetString());
        Assert.Equal("The database is unavailable", problem.GetProperty("title").GetString());
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("PostgreSQL is not answering; the request was not carried out. Retry after 5 s.", problem.GetProperty("detail").GetString());
    }
}
