using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests;

public sealed class ReadingJobsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("/metrics")]
    [InlineData("/checkpoints")]
    [InlineData("/checkpoints/best")]
    public async Task Asking_for_an_unknown_job_returns_404_problem_details(string suffix)
    {
        var response = await api.CreateClient().GetAsync($"/api/jobs/{Guid.NewGuid()}{suffix}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Listing_jobs_pages_newest_first_with_the_total_count()
    {
        var client = api.CreateClient();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await (await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).Content.ReadFromJsonAsync<JsonElement>();
            ids.Add(created.GetProperty("id").GetString()!);
        }

        var first = await client.GetFromJsonAsync<JsonElement>("/api/jobs?page=1&pageSize=2");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/jobs?page=2&pageSize=2");

        var total = first.GetProperty("totalCount").GetInt32();
        Assert.True(total >= 3);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(ids[2], first.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(ids[1], first.GetProperty("items")[1].GetProperty("id").GetString());
        Assert.Equal(ids[0], second.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    public async Task Listing_jobs_with_a_bad_page_returns_400(string query)
    {
        var response = await api.CreateClient().GetAsync($"/api/jobs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await SubmittingJobsTests.ProblemAsync(response)).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_stored_checkpoint_downloads_with_its_sha256()
    {
        var client = api.CreateClient();
        var job = await (await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(job.GetProperty("id").GetString()!);
        var bytes = RandomNumberGenerator.GetBytes(1000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Directory.CreateDirectory(Path.Combine(api.CheckpointRoot, id.ToString("N")));
        await File.WriteAllBytesAsync(Path.Combine(api.CheckpointRoot, id.ToString("N"), "best.pth"), bytes);
        await StoreCheckpointRowAsync(id, sha, bytes.Length);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}/checkpoints");
        var download = await client.GetAsync($"/api/jobs/{id}/checkpoints/best");

        Assert.Equal(sha, list[0].GetProperty("sha256").GetString());
        Assert.Equal($"/api/jobs/{id}/checkpoints/best", list[0].GetProperty("downloadUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(sha, download.Headers.GetValues("X-Checksum-Sha256").Single());
        Assert.Equal($"\"{sha}\"", download.Headers.ETag!.Tag);
        Assert.EndsWith(".pth", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task Predicting_with_a_job_that_has_no_checkpoint_returns_409()
    {
        var client = api.CreateClient();
        var job = await (await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.PostAsJsonAsync($"/api/jobs/{job.GetProperty("id").GetString()}/predict", new { images = Array.Empty<int>() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await SubmittingJobsTests.ProblemAsync(response);
    }

    [Fact]
    public async Task A_job_without_an_evaluation_yet_answers_404_saying_why()
    {
        var client = api.CreateClient();
        var job = await (await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.GetAsync($"/api/jobs/{job.GetProperty("id").GetString()}/evaluation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Queued", (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    private async Task StoreCheckpointRowAsync(Guid id, string sha, long size)
    {
        using var scope = api.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        db.Checkpoints.Add(new CheckpointRecord
        {
            JobId = id, Name = "best", Epoch = 1, RelativePath = Path.Combine(id.ToString("N"), "best.pth"),
            SizeBytes = size, Sha256 = sha, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
