using TrainingService.Contracts.Jobs;
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

        var error = await Assert.ThrowsAsync<TrainingApiException>(() => client.GetJobsAsync(new JobListQuery()));

        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_a_page_of_jobs_asking_with_the_query_as_the_contract_spells_it()
    {
        api.Json("/api/jobs?page=2&pageSize=20&status=Running%2CPaused&tag=baseline&q=lr%200.1&sort=name&order=desc",
            Samples.Page(2, 42, Samples.Job(Samples.JobId)));

        var page = await client.GetJobsAsync(new JobListQuery(Page: 2, Status: ["Running", "Paused"], Tag: "baseline", Text: "lr 0.1",
            Sort: JobListSort.Name, Order: JobListSort.Descending));

        Assert.Equal(3, page.TotalPages);
        Assert.Equal(Samples.JobId, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task A_labels_update_sends_only_the_fields_it_changes()
    {
        api.Answer(HttpMethod.Patch, $"/api/jobs/{Samples.JobId}", HttpStatusCode.OK, Samples.Job(Samples.JobId, tags: "[\"baseline\"]"));

        var job = await client.UpdateLabelsAsync(Samples.JobId, new JobLabelsUpdate(["baseline"], Note: null));

        Assert.Equal(["baseline"], job.Tags);
        Assert.Equal("""{"tags":["baseline"]}""", Assert.Single(api.Bodies));
    }

    [Fact]
    public async Task A_refused_labels_update_keeps_the_reasons_by_field()
    {
        api.Answer(HttpMethod.Patch, $"/api/jobs/{Samples.JobId}", HttpStatusCode.BadRequest,
            Samples.ValidationProblem(("tags[1]", "must be at most 40 characters."), ("note", "must be at most 4000 characters.")));

        var refusal = await Assert.ThrowsAsync<ApiRefusedException>(() => client.UpdateLabelsAsync(Samples.JobId, new JobLabelsUpdate(["a", "b"], "n")));

        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Equal(["must be at most 40 characters."], refusal.ErrorsFor("tags"));
        Assert.Equal(["must be at most 4000 characters."], refusal.ErrorsFor("note"));
    }

    [Fact]
    public async Task Deleting_a_running_job_is_refused_with_the_api_reason()
    {
        api.Answer(HttpMethod.Delete, $"/api/jobs/{Samples.JobId}", HttpStatusCode.Conflict,
            Samples.Problem(409, "Job is not finished", "The job is Running; cancel it first."));

        var refusal = await Assert.ThrowsAsync<ApiRefusedException>(() => client.DeleteJobAsync(Samples.JobId));

        Assert.Equal(HttpStatusCode.Conflict, refusal.Status);
        Assert.Equal("The job is Running; cancel it first.", refusal.Message);
    }

    [Fact]
    public async Task Deleting_a_finished_job_is_answered_without_a_body()
    {
        api.Answer(HttpMethod.Delete, $"/api/jobs/{Samples.JobId}", HttpStatusCode.NoContent, "");

        await client.DeleteJobAsync(Samples.JobId);

        Assert.Equal(1, api.CountOf(HttpMethod.Delete, $"/api/jobs/{Samples.JobId}"));
    }

    [Fact]
    public async Task Reads_the_disk_used_and_the_retention_policy()
    {
        api.Json("/api/storage", Samples.Storage);

        var storage = await client.GetStorageAsync();

        Assert.Equal(3_221_225_472, storage!.CheckpointBytes);
        Assert.Equal(TimeSpan.FromHours(1), storage.Retention.Interval);
        Assert.Equal(14, storage.Retention.TrainingCheckpointDays);
    }

    [Fact]
    public async Task Reads_the_step_losses_of_a_job_bucketed_for_plotting()
    {
        api.Json(Samples.StepsPath(Samples.JobId), Samples.Steps(6, (0, 2.3, 2.2, 2.4), (3, 1.5, 1.0, 1.9)));

        var steps = await client.GetStepLossesAsync(Samples.JobId, maxPoints: 1000);

        Assert.Equal(6, steps.TotalSteps);
        Assert.Equal([new StepPointResource(0, 2.3f, 2.2f, 2.4f, 3), new StepPointResource(3, 1.5f, 1.0f, 1.9f, 3)], steps.Points);
    }

    [Fact]
    public async Task Asks_only_for_the_steps_after_those_it_holds()
    {
        api.Json(Samples.StepsPath(Samples.JobId, from: 6), Samples.Steps(9, from: 6, (6, 1.1, 1.0, 1.2)));

        var steps = await client.GetStepLossesAsync(Samples.JobId, maxPoints: 1000, from: 6);

        Assert.Equal((9L, 6L), (steps.TotalSteps, steps.From));
        Assert.Equal([new StepPointResource(6, 1.1f, 1.0f, 1.2f, 3)], steps.Points);
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

        var error = await Assert.ThrowsAsync<ApiRefusedException>(() => client.ResumeAsync(Samples.JobId));

        Assert.Equal("Job is Failed; only queued, running or paused jobs can be resumed.", error.Message);
    }

    [Fact]
    public async Task A_command_for_an_unknown_job_says_so()
    {
        var unknown = Guid.NewGuid();
        api.Post($"/api/jobs/{unknown}/pause", HttpStatusCode.NotFound, Samples.Problem(404, "Job not found", $"No job has the id {unknown}."));

        var error = await Assert.ThrowsAsync<ApiRefusedException>(() => client.PauseAsync(unknown));

        Assert.Equal($"No job has the id {unknown}.", error.Message);
    }

    [Fact]
    public async Task A_refusal_without_problem_details_names_the_status()
    {
        api.Post($"/api/jobs/{Samples.JobId}/cancel", HttpStatusCode.BadGateway, "<html>Bad gateway</html>");

        var error = await Assert.ThrowsAsync<ApiRefusedException>(() => client.CancelAsync(Samples.JobId));

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
