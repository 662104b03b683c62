using Bunit;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class JobTimingTextTests : IDisposable
{
    private readonly DashboardContext context = new();

    [Fact]
    public void The_job_page_shows_the_elapsed_time_and_the_eta_from_the_measured_epochs()
    {
        // Started at 01:00:05; two epochs of 20.5 s done, three to go.
        context.Clock.Now = Samples.Start.AddMinutes(2).AddSeconds(5);
        context.Api.Json($"/api/jobs/{Samples.JobId}", Samples.Job(Samples.JobId));
        context.Api.Json($"/api/jobs/{Samples.JobId}/metrics", Samples.Metrics(1, 2));

        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Samples.JobId));

        page.WaitForAssertion(() => Assert.Equal("2 min 00 s", page.Find(".progress-card [data-elapsed]").TextContent));
        Assert.Equal("1 min 01 s left", page.Find(".progress-card [data-eta]").TextContent);
    }

    public void Dispose() => context.Dispose();
}
