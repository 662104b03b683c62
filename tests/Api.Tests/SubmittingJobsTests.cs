using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests;

public sealed class SubmittingJobsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Submitting_a_valid_job_returns_201_with_location_and_a_queued_job_that_hangfire_holds_right_after()
    {
        var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Queued", (string?)job!["status"]);
        Assert.Equal($"/api/jobs/{job["id"]}", response.Headers.Location!.OriginalString);
        Assert.Equal("lenet5", (string?)job["spec"]!["model"]!["name"]);
        Assert.Equal(64, (int)job["spec"]!["hyperparameters"]!["batchSize"]!);
        Assert.NotNull(job["createdAt"]);
        // The answer comes once the job is stored; its Hangfire job follows off the request's path.
        Assert.Null(job["hangfireJobId"]);
        var dispatched = await DispatchedJobs.ReadAsync(client, response.Headers.Location!);
        Assert.NotNull(dispatched["hangfireJobId"]);
        Assert.Equal(1, await CountHangfireJobsAsync((string)job["id"]!));
    }

    [Fact]
    public async Task A_submitted_job_without_optional_fields_gets_the_defaults_and_the_datasets_class_count()
    {
        var spec = JobSpecs.Without("model", "numClasses");
        spec["hyperparameters"]!.AsObject().Remove("seed");
        spec.Remove("name");

        var job = await (await api.CreateClient().PostAsJsonAsync("/api/jobs", spec)).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(10, (int)job!["spec"]!["model"]!["numClasses"]!);
        Assert.Equal(42, (long)job["spec"]!["hyperparameters"]!["seed"]!);
        Assert.Equal("lenet5 on mnist", (string?)job["name"]);
    }

    private async Task<long> CountHangfireJobsAsync(string jobId)
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%' || @id || '%'", connection);
        command.Parameters.AddWithValue("id", jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task<int> CountStoredJobsAsync(ApiFactory api)
    {
        using var scope = api.Services.CreateScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Jobs.CountAsync();
    }

    internal static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
