using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Tests;

/// <summary>Cancel, pause, resume and attempts over REST, against the real Api, database and Hangfire storage.</summary>
public sealed class ControllingJobsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Cancelling_a_queued_job_cancels_it_at_once_and_deletes_its_hangfire_job()
    {
        var client = api.CreateClient();
        var job = await SubmitAsync(client);

        var response = await client.PostAsync($"/api/jobs/{job["id"]}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Cancelled", (string?)cancelled!["status"]);
        Assert.Equal("cancelled by the user", (string?)cancelled["statusReason"]);
        Assert.NotNull(cancelled["finishedAt"]);
        Assert.Equal(DeletedState.StateName, HangfireState((string)job["hangfireJobId"]!));
        Assert.Null(await StartRunAsync((string)job["id"]!));
    }

    [Fact]
    public async Task Cancelling_twice_is_harmless_and_a_finished_job_answers_409_saying_why()
    {
        var client = api.CreateClient();
        var job = await SubmitAsync(client);
        await client.PostAsync($"/api/jobs/{job["id"]}/cancel", null);

        var again = await client.PostAsync($"/api/jobs/{job["id"]}/cancel", null);
        var pause = await client.PostAsync($"/api/jobs/{job["id"]}/pause", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, pause.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(pause);
        Assert.Contains("is Cancelled", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_running_job_asked_to_cancel_answers_202_with_the_request_until_its_worker_stops_it()
    {
        var client = api.CreateClient();
        var job = await SubmitAsync(client);
        Assert.NotNull(await StartRunAsync((string)job["id"]!));

        var response = await client.PostAsync($"/api/jobs/{job["id"]}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var running = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Running", (string?)running!["status"]);
        Assert.Equal("Cancel", (string?)running["stopRequest"]);
        var pause = await client.PostAsync($"/api/jobs/{job["id"]}/pause", null);
        Assert.Equal("Cancel", (string?)(await pause.Content.ReadFromJsonAsync<JsonObject>())!["stopRequest"]);
    }

    [Fact]
    public async Task A_paused_job_is_queued_again_with_a_new_hangfire_job_when_resumed()
    {
        var client = api.CreateClient();
        var job = await SubmitAsync(client);

        var paused = await (await client.PostAsync($"/api/jobs/{job["id"]}/pause", null)).Content.ReadFromJsonAsync<JsonObject>();
        var resumed = await client.PostAsync($"/api/jobs/{job["id"]}/resume", null);
        var stored = await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{job["id"]}");

        Assert.Equal("Paused", (string?)paused!["status"]);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("Queued", (string?)stored!["status"]);
        Assert.Equal(DeletedState.StateName, HangfireState((string)job["hangfireJobId"]!));
        Assert.NotEqual((string?)job["hangfireJobId"], (string?)stored["hangfireJobId"]);
        Assert.Equal(EnqueuedState.StateName, HangfireState((string)stored["hangfireJobId"]!));
    }

    [Fact]
    public async Task Attempts_list_each_run_with_its_worker_start_and_reason()
    {
        var client = api.CreateClient();
        var job = await SubmitAsync(client);
        var run = await StartRunAsync((string)job["id"]!);
        await Lifecycle().HandBackAsync(run!, CancellationToken.None);
        await StartRunAsync((string)job["id"]!);

        var attempts = (await client.GetFromJsonAsync<JsonArray>($"/api/jobs/{job["id"]}/attempts"))!;

        Assert.Equal([1, 2], attempts.Select(a => (int)a!["attempt"]!));
        Assert.Equal(["drained", null], attempts.Select(a => (string?)a!["reason"]));
        Assert.All(attempts, a => Assert.Equal("test-worker", (string?)a!["worker"]));
        Assert.Equal(0, (int)attempts[1]!["startEpoch"]!);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task Controlling_an_unknown_job_answers_404(string action)
    {
        var response = await api.CreateClient().PostAsync($"/api/jobs/{Guid.NewGuid()}/{action}", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await SubmittingJobsTests.ProblemAsync(response);
    }

    [Fact]
    public async Task A_job_whose_enqueue_fails_is_still_stored_queued_and_the_next_sweep_dispatches_it()
    {
        using var failing = api.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IBackgroundJobClient>(new UnreachableQueue())));
        var response = await failing.CreateClient().PostAsJsonAsync("/api/jobs", JobSpecs.Valid());
        var job = await response.Content.ReadFromJsonAsync<JsonObject>();

        // This sweep, or the other host's dispatch loop or supervisor when it holds the row at that moment (SKIP LOCKED).
        await api.Services.GetRequiredService<JobDispatcher>().DispatchAsync(null, CancellationToken.None);
        var stored = await DispatchedJobs.ReadAsync(api.CreateClient(), new Uri($"/api/jobs/{job!["id"]}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null((string?)job["hangfireJobId"]);
        Assert.Equal("Queued", (string?)stored!["status"]);
        Assert.Equal(EnqueuedState.StateName, HangfireState((string)stored["hangfireJobId"]!));
    }

    private static async Task<JsonObject> SubmitAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/jobs", JobSpecs.Valid());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await DispatchedJobs.ReadAsync(client, response.Headers.Location!);
    }

    private JobLifecycle Lifecycle() => api.Services.GetRequiredService<JobLifecycle>();

    private Task<JobRun?> StartRunAsync(string jobId) => Lifecycle().TryStartRunAsync(Guid.Parse(jobId), "test-worker", CancellationToken.None);

    private string HangfireState(string hangfireJobId)
    {
        using var connection = api.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetJobData(hangfireJobId).State;
    }

    /// <summary>A queue that cannot be reached: the failure injected between storing a job and enqueueing it.</summary>
    private sealed class UnreachableQueue : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new InvalidOperationException("The queue is unreachable.");

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new InvalidOperationException("The queue is unreachable.");
    }
}
