using Bunit;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Sweeps;

public sealed class SweepFromJobTests : IDisposable
{
    private readonly DashboardContext context = new();

    [Fact]
    public void A_job_page_offers_a_sweep_with_the_job_as_its_base()
    {
        context.Api.Json($"/api/jobs/{Samples.JobId}", Samples.Job(Samples.JobId, status: "Succeeded"));

        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Samples.JobId));

        page.WaitForAssertion(() => Assert.Equal($"sweeps/new?from={Samples.JobId}", page.Find("[data-action=sweep-from-job]").GetAttribute("href")));
        Assert.Empty(page.FindAll("[data-sweep-link]"));
    }

    public void Dispose() => context.Dispose();
}
