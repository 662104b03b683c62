using Bunit;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class JobPageStepsTests : IDisposable
{
    private static readonly Guid Id = Samples.JobId;
    private readonly DashboardContext context = new();

    [Fact]
    public void The_job_page_plots_the_step_losses_the_api_serves()
    {
        ServeSteps(Samples.Steps(200, (0, 2.3, 2.1, 2.5), (100, 1.2, 0.9, 1.6)));

        var page = RenderPage();

        Assert.Equal("Training loss per step", page.Find(".step-chart h2").TextContent);
        Assert.Equal(2, MeanPoints(page));
    }

    [Fact]
    public void The_job_page_says_no_steps_are_recorded_while_the_job_has_none()
    {
        ServeSteps(Samples.Steps(0));

        var page = RenderPage();

        Assert.Contains("No steps recorded yet", page.Find(".step-chart .chart-empty").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".step-chart .rz-chart"));
    }

    [Fact]
    public async Task A_completed_epoch_reads_only_the_steps_after_those_the_page_holds_and_plots_them()
    {
        ServeSteps(Samples.Steps(100, (0, 2.3, 2.1, 2.5)));
        var page = RenderPage();
        context.Api.Json(Samples.StepsPath(Id, from: 100), Samples.Steps(200, from: 100, (100, 1.2, 0.9, 1.6)));
        context.Api.Json(Samples.StepsPath(Id, from: 200), Samples.Steps(300, from: 200, (200, 0.8, 0.6, 1.1)));

        await context.Hub.RaiseAsync(Samples.EpochEvent(Id, epoch: 2));
        page.WaitForAssertion(() => Assert.Equal(2, MeanPoints(page)));
        await context.Hub.RaiseAsync(Samples.EpochEvent(Id, epoch: 3));

        page.WaitForAssertion(() => Assert.Equal(3, MeanPoints(page)));
        Assert.Equal(
            [Samples.StepsPath(Id), Samples.StepsPath(Id, from: 100), Samples.StepsPath(Id, from: 200)],
            context.Api.Requests.Where(r => r.Contains("/steps", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Batches_and_other_jobs_epochs_never_reread_the_steps()
    {
        ServeSteps(Samples.Steps(100, (0, 2.3, 2.1, 2.5)));
        var page = RenderPage();

        for (var batch = 1; batch <= 5; batch++)
        {
            await context.Hub.RaiseAsync(new BatchProgressEvent(Id, Epoch: 2, Batch: batch, BatchesPerEpoch: 10, Loss: 1.0, Accuracy: 0.5));
        }
        await context.Hub.RaiseAsync(Samples.EpochEvent(Guid.NewGuid(), epoch: 2));

        page.WaitForAssertion(() => Assert.Contains("batch 5 of 10", page.Find(".progress-card").TextContent, StringComparison.Ordinal));
        Assert.Equal(1, context.Api.CountOf(Samples.StepsPath(Id)));
    }

    [Fact]
    public async Task A_failed_step_reread_shows_the_banner_and_keeps_the_curve_and_the_new_epoch()
    {
        ServeSteps(Samples.Steps(100, (0, 2.3, 2.1, 2.5), (50, 1.9, 1.7, 2.2)));
        var page = RenderPage();
        context.Api.Unreachable = true;

        await context.Hub.RaiseAsync(Samples.EpochEvent(Id, epoch: 2));

        page.WaitForAssertion(() => Assert.Contains("Api unavailable", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, MeanPoints(page));
        Assert.Single(page.FindAll("[data-epoch='2']"));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<JobPage> RenderPage()
    {
        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".step-chart")));
        return page;
    }

    private void ServeSteps(string steps)
    {
        context.Api.Json($"/api/jobs/{Id}", Samples.Job(Id, currentEpoch: 1));
        context.Api.Json($"/api/jobs/{Id}/metrics", Samples.Metrics(1));
        context.Api.Json($"/api/jobs/{Id}/checkpoints", Samples.Checkpoints(Id));
        context.Api.Json(Samples.StepsPath(Id), steps);
    }

    private static int MeanPoints(IRenderedComponent<JobPage> page) =>
        page.FindAll(".step-chart .rz-line-series .rz-marker").Count;
}
