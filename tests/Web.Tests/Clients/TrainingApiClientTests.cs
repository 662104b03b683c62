using System.Net;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Clients;

public sealed class TrainingApiClientTests
{
    private readonly StubApiHandler api = new();
    private readonly TrainingApiClient client;

    public TrainingApiClientTests() =>
        client = new TrainingApiClient(new HttpClient(api) { BaseAddress = new("http://api.internal:5080/") }, TestSession.SignedIn());

    [Fact]
    public async Task Reads_a_job_with_string_enums_and_unknown_fields()
    {
        api.Json($"/api/jobs/{Samples.JobId}", Samples.Job(Samples.JobId, status: "Succeeded", result: """{ "testLoss": 0.08, "testAccuracy": 0.975, "bestEpoch": 4 }"""));

        var job = await client.GetJobAsync(Samples.JobId);

        Assert.NotNull(job);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(0.975, job.Result!.TestAccuracy);
        Assert.Equal("lenet5", job.SpecSummary.Model!.Name);
        Assert.Equal(0.05, job.SpecSummary.Hyperparameters!.LearningRate);
        Assert.True(job.Spec.GetProperty("futureField").GetProperty("nested").GetBoolean());
    }

    [Fact]
    public async Task Unknown_job_is_null()
    {
        Assert.Null(await client.GetJobAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Unreachable_api_surfaces_as_a_training_api_exception()
    {
        api.Unreachable = true;

        var error = await Assert.ThrowsAsync<TrainingApiException>(() => client.GetJobsAsync(1, 20));

        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_a_page_of_jobs()
    {
        api.Json("/api/jobs?page=2&pageSize=20", Samples.Page(2, 42, Samples.Job(Samples.JobId)));

        var page = await client.GetJobsAsync(2, 20);

        Assert.Equal(3, page.TotalPages);
        Assert.Equal(Samples.JobId, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Reads_the_step_losses_of_a_job_bucketed_for_plotting()
    {
        api.Json(Samples.StepsPath(Samples.JobId), Samples.Steps(6, (0, 2.3, 2.2, 2.4), (3, 1.5, 1.0, 1.9)));

        var steps = await client.GetStepLossesAsync(Samples.JobId, maxPoints: 1000);

        Assert.Equal(6, steps.TotalSteps);
        Assert.Equal([new StepLossPointDto(0, 2.3, 2.2, 2.4), new StepLossPointDto(3, 1.5, 1.0, 1.9)], steps.Points);
    }

    [Fact]
    public async Task The_steps_of_an_unknown_job_are_empty()
    {
        var steps = await client.GetStepLossesAsync(Guid.NewGuid(), maxPoints: 1000);

        Assert.Equal(0, steps.TotalSteps);
        Assert.Empty(steps.Points);
    }

    [Fact]
    public async Task Reads_the_new_run_fields_of_a_job()
    {
        api.Json($"/api/jobs/{Samples.JobId}", Samples.Job(Samples.JobId, status: "Paused", statusReason: "\"paused by the user\"", restarts: 2));

        var job = await client.GetJobAsync(Samples.JobId);

        Assert.Equal(JobStatus.Paused, job!.Status);
        Assert.Equal("paused by the user", job.StatusReason);
        Assert.Null(job.StopRequest);
        Assert.Equal(2, job.Restarts);
    }

    [Fact]
    public async Task A_stop_the_running_job_will_make_later_comes_back_as_the_job_with_its_stop_request()
    {
        api.Post($"/api/jobs/{Samples.JobId}/cancel", HttpStatusCode.Accepted, Samples.Job(Samples.JobId, stopRequest: "\"Cancel\""));

        var job = await client.CancelAsync(Samples.JobId);

        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal(JobStopRequest.Cancel, job.StopRequest);
        Assert.Equal(1, api.CountOf(HttpMethod.Post, $"/api/jobs/{Samples.JobId}/cancel"));
    }

    [Fact]
    public async Task Pause_and_resume_post_to_their_own_endpoints()
    {
        api.Post($"/api/jobs/{Samples.JobId}/pause", HttpStatusCode.OK, Samples.Job(Samples.JobId, status: "Paused"));
        api.Post($"/api/jobs/{Samples.JobId}/resume", HttpStatusCode.OK, Samples.Job(Samples.JobId, status: "Queued"));

        Assert.Equal(JobStatus.Paused, (await client.PauseAsync(Samples.JobId)).Status);
        Assert.Equal(JobStatus.Queued, (await client.ResumeAsync(Samples.JobId)).Status);
    }

    [Fact]
    public async Task A_refused_command_carries_the_problem_detail()
    {
        api.Post($"/api/jobs/{Samples.JobId}/resume", HttpStatusCode.Conflict,
            Samples.Problem(409, "The job cannot be resumed", "Job is Failed; only queued, running or paused jobs can be resumed."));

        var error = await Assert.ThrowsAsync<TrainingApiException>(() => client.ResumeAsync(Samples.JobId));

        Assert.Equal("Job is Failed; only queued, running or paused jobs can be resumed.", error.Message);
    }

    [Fact]
    public async Task A_command_for_an_unknown_job_says_so()
    {
        var unknown = Guid.NewGuid();
        api.Post($"/api/jobs/{unknown}/pause", HttpStatusCode.NotFound, Samples.Problem(404, "Job not found", $"No job has the id {unknown}."));

        var error = await Assert.ThrowsAsync<TrainingApiException>(() => client.PauseAsync(unknown));

        Assert.Equal($"No job has the id {unknown}.", error.Message);
    }

    [Fact]
    public async Task A_refusal_without_problem_details_names_the_status()
    {
        api.Post($"/api/jobs/{Samples.JobId}/cancel", HttpStatusCode.BadGateway, "<html>Bad gateway</html>");

        var error = await Assert.ThrowsAsync<TrainingApiException>(() => client.CancelAsync(Samples.JobId));

        Assert.Contains("502 BadGateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_attempts_of_a_job_in_order()
    {
        api.Json(Samples.AttemptsPath(Samples.JobId), Samples.ResumedAttempts());

        var attempts = await client.GetAttemptsAsync(Samples.JobId);

        Assert.Equal([1, 2], attempts.Select(a => a.Attempt));
        Assert.Equal("crashed", attempts[0].Reason);
        Assert.Null(attempts[1].EndedAt);
        Assert.Equal((2, 1876L), (attempts[1].StartEpoch, attempts[1].StartStep));
    }

    [Fact]
    public async Task Checkpoints_say_at_which_step_they_were_written()
    {
        api.Json($"/api/jobs/{Samples.JobId}/checkpoints", Samples.TrainingCheckpoints(Samples.JobId));

        var checkpoints = await client.GetCheckpointsAsync(Samples.JobId);

        Assert.Equal(1876, Assert.Single(checkpoints, c => c.Name == "training").Step);
    }
}
