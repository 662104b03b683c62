using TrainingService.Web.Clients.Api;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Clients;

public sealed class TrainingApiClientTests
{
    private readonly StubApiHandler api = new();
    private readonly TrainingApiClient client;

    public TrainingApiClientTests() =>
        client = new TrainingApiClient(new HttpClient(api) { BaseAddress = new("http://api.internal:5080/") });

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
}
