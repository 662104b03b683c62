using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Api.Tests.Library;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests.Owners;

public sealed class KeyLimitsTests(KeyLimitsFixture limits) : IClassFixture<KeyLimitsFixture>
{
    [Fact]
    public async Task Submitting_past_the_keys_per_minute_limit_answers_429_naming_it_with_Retry_After_and_other_keys_are_unaffected()
    {
        var member = await limits.CreateUserAsync($"rate-{Guid.NewGuid():N}"[..20]);
        var client = limits.Client(member.Key.Secret);
        for (var i = 0; i < KeyLimitsFixture.SubmissionsPerMinute; i++)
        {
            // Cancelled at once, so that the active-jobs limit is never what refuses.
            var job = await limits.SubmitAsync(client);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/jobs/{job}/cancel", null)).StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid());

        await AssertLimitAsync(refused, "SubmissionsPerMinute", maxSeconds: 60);
        await limits.SubmitAsync(limits.Client(limits.Bob.Key.Secret));
    }

    [Fact]
    public async Task A_key_holding_its_maximum_of_active_jobs_gets_429_until_one_is_cancelled()
    {
        var member = await limits.CreateUserAsync($"active-{Guid.NewGuid():N}"[..20]);
        var client = limits.Client(member.Key.Secret);
        var first = await limits.SubmitAsync(client);
        await limits.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/jobs/{first}/pause", null)).StatusCode);

        var refused = await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid());
        await AssertLimitAsync(refused, "MaxActiveJobs", maxSeconds: 60);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/jobs/{first}/cancel", null)).StatusCode);
        await limits.SubmitAsync(client);
    }

    [Fact]
    public async Task Parallel_submissions_with_one_key_never_pass_its_active_job_limit()
    {
        var member = await limits.CreateUserAsync($"burst-{Guid.NewGuid():N}"[..20]);
        var client = limits.Client(member.Key.Secret);

        await using var listener = await EventListener.StartAsync(limits.ConnectionString);

        var answers = await Task.WhenAll(Enumerable.Range(0, KeyLimitsFixture.SubmissionsPerMinute)
            .Select(_ => client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid())));

        Assert.Equal(KeyLimitsFixture.MaxActiveJobs, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        var created = new HashSet<Guid>();
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.Created))
        {
            created.Add((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        Assert.Equal(created.Order(), await StoredJobsOfAsync(member.Key.Key.Id));
        // Events arrive in commit order, so once the cancel's arrives every refusal's transaction has been heard from.
        var fence = created.First();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/jobs/{fence}/cancel", null)).StatusCode);
        var announced = new List<JobStatusChangedEvent>();
        await listener.NextAsync(e =>
        {
            if (e is JobStatusChangedEvent changed) announced.Add(changed);
            return e is JobStatusChangedEvent { Status: JobStatus.Cancelled } && e.JobId == fence;
        });
        // Dispatch announces a job again once its Hangfire job is named; a refused submission is never announced.
        Assert.Equal(created.Order(), announced.Where(e => e.Status == JobStatus.Queued).Select(e => e.JobId).Distinct().Order());
    }

    private async Task<IEnumerable<Guid>> StoredJobsOfAsync(Guid keyId)
    {
        await using var db = await limits.Api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        return (await db.Jobs.Where(j => j.ApiKeyId == keyId).Select(j => j.Id).ToListAsync()).Order();
    }

    [Fact]
    public async Task Uploading_past_the_keys_daily_bytes_answers_429_with_the_seconds_until_the_first_upload_leaves_the_window()
    {
        var member = await limits.CreateUserAsync($"upload-{Guid.NewGuid():N}"[..20]);
        var client = limits.Client(member.Key.Secret);
        await limits.UploadAsync(client);

        var refused = await client.PostAsync("/api/datasets", OwnersFixture.DatasetForm(DatasetZips.Pets(), "again"));

        var seconds = await AssertLimitAsync(refused, "UploadBytesPerDay", maxSeconds: 24 * 3600);
        Assert.True(seconds > 23 * 3600, $"Retry-After {seconds} s");
        await limits.UploadAsync(limits.Client(limits.Alice.Key.Secret));
    }

    private static async Task<long> AssertLimitAsync(HttpResponseMessage response, string limit, long maxSeconds)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(limit, problem.GetProperty("limit").GetString());
        Assert.Contains(limit, problem.GetProperty("detail").GetString());
        var seconds = (long)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, maxSeconds);
        return seconds;
    }
}
