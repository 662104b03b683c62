using System.Net;
using Bunit;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class JobPageControlsTests : IDisposable
{
    private static readonly Guid Id = Samples.JobId;
    private readonly DashboardContext context = new();

    [Fact]
    public void The_status_badge_is_followed_by_the_reason_for_the_state()
    {
        Serve(Samples.Job(Id, status: "Paused", statusReason: "\"paused by the user\""));

        var page = RenderPage();

        Assert.Equal("Paused", page.Find(".page-header .badge").TextContent);
        Assert.Equal("paused by the user", page.Find(".page-header .status-reason").TextContent);
        Assert.False(page.Find("[data-action=resume]").HasAttribute("disabled"));
        Assert.True(page.Find("[data-action=pause]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Pausing_a_running_job_says_it_stops_at_the_next_batch_until_it_has_paused()
    {
        Serve(Samples.Job(Id));
        context.Api.Post($"/api/jobs/{Id}/pause", HttpStatusCode.Accepted, Samples.Job(Id, stopRequest: "\"Pause\""));
        var page = RenderPage();

        page.Find("[data-action=pause]").Click();

        page.WaitForAssertion(() =>
            Assert.Equal("Pause requested: stopping at the next batch…", page.Find(".stop-pending").TextContent));
        Assert.Equal("Running", page.Find(".page-header .badge").TextContent);
        Assert.True(page.Find("[data-action=pause]").HasAttribute("disabled"));
        Assert.False(page.Find("[data-action=resume]").HasAttribute("disabled"));

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Id, JobStatus.Paused, null, 2, 5, null, Samples.Start)
        {
            Reason = "paused by the user",
            Attempt = 1,
        });

        page.WaitForAssertion(() => Assert.Equal("Paused", page.Find(".page-header .badge").TextContent));
        Assert.Empty(page.FindAll(".stop-pending"));
        Assert.Equal("paused by the user", page.Find(".status-reason").TextContent);
    }

    [Fact]
    public void Cancelling_from_the_job_page_needs_a_yes_first()
    {
        Serve(Samples.Job(Id, status: "Queued", currentEpoch: 0));
        context.Api.Post($"/api/jobs/{Id}/cancel", HttpStatusCode.OK, Samples.Job(Id, status: "Cancelled", currentEpoch: 0));
        var page = RenderPage();

        page.Find("[data-action=cancel]").Click();
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Post, $"/api/jobs/{Id}/cancel"));
        page.Find("[data-action=confirm-cancel]").Click();

        page.WaitForAssertion(() => Assert.Equal("Cancelled", page.Find(".page-header .badge").TextContent));
        Assert.All(page.FindAll(".job-controls button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void A_conflict_shows_its_detail_by_the_buttons_and_not_as_an_outage()
    {
        Serve(Samples.Job(Id));
        context.Api.Post($"/api/jobs/{Id}/pause", HttpStatusCode.Conflict,
            Samples.Problem(409, "The job cannot be paused", $"Job {Id} is Succeeded; only queued, running or paused jobs can be paused."));
        var page = RenderPage();

        page.Find("[data-action=pause]").Click();

        page.WaitForAssertion(() => Assert.Contains("is Succeeded; only queued, running or paused jobs can be paused.",
            page.Find(".job-controls .action-error").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(page.FindAll("[role=alert]"), a => a.TextContent.Contains("Api unavailable", StringComparison.Ordinal));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<JobPage> RenderPage()
    {
        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".job-controls")));
        return page;
    }

    private void Serve(string job)
    {
        context.Api.Json($"/api/jobs/{Id}", job);
        context.Api.Json($"/api/jobs/{Id}/metrics", Samples.Metrics(1, 2));
        context.Api.Json($"/api/jobs/{Id}/checkpoints", Samples.Checkpoints(Id));
    }
}
