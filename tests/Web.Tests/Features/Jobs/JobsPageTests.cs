using System.Net;
using AngleSharp.Dom;
using Bunit;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Jobs;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Jobs;

public sealed class JobsPageTests : IDisposable
{
    private const string FirstPage = "/api/jobs?page=1&pageSize=20";
    private static readonly Guid Queued = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Done = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private readonly DashboardContext context = new();

    [Fact]
    public void Lists_jobs_with_model_dataset_status_and_accuracy()
    {
        var page = RenderPage();

        var done = page.Find($"[data-job-id='{Done}']");
        Assert.Contains("lenet5", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("mnist", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("97.50%", done.TextContent, StringComparison.Ordinal);
        Assert.Equal("badge badge-succeeded", done.QuerySelector(".badge")!.ClassName);
        Assert.Equal($"jobs/{Done}", done.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(1, context.Hub.AllJobsSubscribers);
    }

    [Fact]
    public async Task Status_and_epoch_of_a_listed_job_update_live()
    {
        var page = RenderPage();

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Queued, JobStatus.Running, null, 0, 5, null, Samples.Start));
        await context.Hub.RaiseAsync(Samples.EpochEvent(Queued, epoch: 1));

        page.WaitForAssertion(() =>
        {
            var row = page.Find($"[data-job-id='{Queued}']");
            Assert.Equal("Running", row.QuerySelector(".badge")!.TextContent);
            Assert.Equal("1 / 5", row.QuerySelector(".epoch")!.TextContent);
        });
        Assert.Equal(1, context.Api.CountOf(FirstPage));
    }

    [Fact]
    public async Task A_job_not_on_the_page_yet_triggers_a_reread()
    {
        var page = RenderPage();
        var created = Guid.NewGuid();
        context.Api.Json(FirstPage, Samples.Page(1, 3, Samples.Job(created, status: "Queued", name: "new-job"), QueuedJob(), DoneJob()));

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(created, JobStatus.Queued, null, 0, 5, null, Samples.Start));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-job-id]").Count));
        Assert.Equal(created.ToString(), page.FindAll("[data-job-id]")[0].GetAttribute("data-job-id"));
    }

    [Fact]
    public void Each_row_offers_the_actions_its_job_allows()
    {
        var page = RenderPage();

        Assert.Equal("cancel pause", EnabledActions(page, Queued));
        Assert.Equal("", EnabledActions(page, Done));
    }

    [Fact]
    public void Cancelling_from_a_row_needs_a_yes_and_updates_the_row()
    {
        context.Api.Post($"/api/jobs/{Queued}/cancel", HttpStatusCode.OK,
            Samples.Job(Queued, status: "Cancelled", name: "queued-job", currentEpoch: 0));
        var page = RenderPage();

        Row(page, Queued).QuerySelector("[data-action=cancel]")!.Click();
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Post, $"/api/jobs/{Queued}/cancel"));
        Assert.Contains("Cancel this job?", Row(page, Queued).TextContent, StringComparison.Ordinal);
        Row(page, Queued).QuerySelector("[data-action=confirm-cancel]")!.Click();

        page.WaitForAssertion(() => Assert.Equal("Cancelled", Row(page, Queued).QuerySelector(".badge")!.TextContent));
        Assert.Equal("", EnabledActions(page, Queued));
        Assert.Equal(1, context.Api.CountOf(HttpMethod.Post, $"/api/jobs/{Queued}/cancel"));
    }

    [Fact]
    public async Task The_actions_of_a_row_follow_its_job_live()
    {
        var page = RenderPage();

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Queued, JobStatus.Paused, null, 0, 5, null, Samples.Start)
        {
            Reason = "paused by the user",
        });

        page.WaitForAssertion(() => Assert.Equal("Paused", Row(page, Queued).QuerySelector(".badge")!.TextContent));
        Assert.Equal("cancel resume", EnabledActions(page, Queued));
        Assert.Equal(1, context.Api.CountOf(FirstPage));
    }

    [Fact]
    public void An_unreachable_api_shows_a_banner_instead_of_failing()
    {
        context.Api.Unreachable = true;

        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.Contains("Api unreachable", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("table"));
    }

    [Fact]
    public async Task The_banner_goes_away_once_the_api_answers_again()
    {
        context.Api.Unreachable = true;
        var page = context.Render<JobsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[role=alert]")));

        context.Api.Unreachable = false;
        context.Api.Json(FirstPage, Samples.Page(1, 2, QueuedJob(), DoneJob()));
        await context.Hub.RaiseConnectedAsync();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-job-id]").Count));
        Assert.Empty(page.FindAll("[role=alert]"));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<JobsPage> RenderPage()
    {
        context.Api.Json(FirstPage, Samples.Page(1, 2, QueuedJob(), DoneJob()));
        var page = context.Render<JobsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-job-id]").Count));
        return page;
    }

    private static IElement Row(IRenderedComponent<JobsPage> page, Guid id) => page.Find($"[data-job-id='{id}']");

    private static string EnabledActions(IRenderedComponent<JobsPage> page, Guid id) =>
        string.Join(" ", Row(page, id).QuerySelectorAll("button:not([disabled])").Select(b => b.GetAttribute("data-action")));

    private static string QueuedJob() => Samples.Job(Queued, status: "Queued", name: "queued-job", currentEpoch: 0);

    private static string DoneJob() => Samples.Job(Done, status: "Succeeded", name: "done-job", currentEpoch: 5,
        result: """{ "testLoss": 0.08, "testAccuracy": 0.975, "bestEpoch": 4 }""");
}
