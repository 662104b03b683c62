using System.Net;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Jobs;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Jobs;

public sealed class JobsPageTests : IDisposable
{
    private const string FirstPage = "/api/jobs?page=1&pageSize=20&sort=active&order=asc";
    private const string ByName = "/api/jobs?page=1&pageSize=20&sort=name&order=asc";
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
    public async Task Status_and_epoch_of_a_listed_job_update_live_where_the_order_does_not_depend_on_status()
    {
        var page = RenderSortedByName();

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Queued, JobStatus.Running, null, 0, 5, null, Samples.Start));
        await context.Hub.RaiseAsync(Samples.EpochEvent(Queued, epoch: 1));

        page.WaitForAssertion(() =>
        {
            var row = page.Find($"[data-job-id='{Queued}']");
            Assert.Equal("Running", row.QuerySelector(".badge")!.TextContent);
            Assert.Equal("1 / 5", row.QuerySelector(".epoch")!.TextContent);
        });
        Assert.Equal(1, context.Api.CountOf(ByName));
    }

    [Fact]
    public async Task With_running_jobs_first_a_job_that_starts_rereads_the_list_to_move_it_up()
    {
        var page = RenderPage();
        context.Api.Json(FirstPage, Samples.Page(1, 2, Samples.Job(Queued, status: "Running", name: "queued-job", currentEpoch: 0), DoneJob()));

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Queued, JobStatus.Running, null, 0, 5, null, Samples.Start));

        page.WaitForAssertion(() => Assert.Equal(2, context.Api.CountOf(FirstPage)));
        page.WaitForAssertion(() => Assert.Equal("Running", Row(page, Queued).QuerySelector(".badge")!.TextContent));
    }

    [Fact]
    public async Task A_job_that_stops_matching_the_status_filter_leaves_the_list()
    {
        const string running = "/api/jobs?page=1&pageSize=20&status=Running&sort=active&order=asc";
        context.Api.Json(running, Samples.Page(1, 1, Samples.Job(Queued, status: "Running", name: "queued-job")));
        var page = RenderAt("jobs?status=Running");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-job-id]")));
        context.Api.Json(running, Samples.Page(1, 0));

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Queued, JobStatus.Paused, null, 2, 5, null, Samples.Start));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-job-id]")));
        Assert.NotNull(page.Find("[data-no-match]"));
        Assert.Equal(2, context.Api.CountOf(running));
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
        Assert.Equal("delete", EnabledActions(page, Done));
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
        Assert.Equal("delete", EnabledActions(page, Queued));
        Assert.Equal(1, context.Api.CountOf(HttpMethod.Post, $"/api/jobs/{Queued}/cancel"));
    }

    [Fact]
    public async Task The_actions_of_a_row_follow_its_job_live()
    {
        var page = RenderSortedByName();

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Queued, JobStatus.Paused, null, 0, 5, null, Samples.Start)
        {
            Reason = "paused by the user",
        });

        page.WaitForAssertion(() => Assert.Equal("Paused", Row(page, Queued).QuerySelector(".badge")!.TextContent));
        Assert.Equal("cancel resume", EnabledActions(page, Queued));
        Assert.Equal(1, context.Api.CountOf(ByName));
    }

    [Fact]
    public void An_unreachable_api_shows_a_banner_instead_of_failing()
    {
        context.Api.Unreachable = true;

        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.Contains("Api unavailable", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
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

    [Fact]
    public void A_page_past_the_last_of_a_single_job_speaks_of_one_job()
    {
        context.Api.Json("/api/jobs?page=5&pageSize=20&sort=active&order=asc", Samples.Page(5, 1));

        var page = RenderAt("5");

        page.WaitForAssertion(() => Assert.Contains("There is 1 job on 1 page.", page.Find("[data-past-the-end]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_past_the_last_says_so_and_links_to_the_last_and_first_pages()
    {
        context.Api.Json("/api/jobs?page=99999&pageSize=20&sort=active&order=asc", Samples.Page(99999, 217));

        var page = RenderAt("99999");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-past-the-end]")));
        var message = page.Find("[data-past-the-end]");
        Assert.Contains("Page 99999 is past the last page", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("217 jobs on 11 pages", message.TextContent, StringComparison.Ordinal);
        Assert.Equal(["jobs?page=11&pageSize=20&sort=active&order=asc", "jobs?page=1&pageSize=20&sort=active&order=asc"],
            message.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(page.FindAll("[data-no-jobs]"));
    }

    [Fact]
    public void No_training_jobs_yet_only_when_there_are_none()
    {
        context.Api.Json(FirstPage, Samples.Page(1, 0));

        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.Contains("No training jobs yet", page.Find("[data-no-jobs]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-past-the-end]"));
    }

    [Fact]
    public void A_page_too_large_to_ask_for_is_still_past_the_end_of_the_list()
    {
        context.Api.Json($"/api/jobs?page={int.MaxValue / 20}&pageSize=20&sort=active&order=asc", Samples.Page(int.MaxValue / 20, 217));

        var page = RenderAt("99999999999");

        page.WaitForAssertion(() =>
            Assert.Contains("Page 99999999999 is past the last page", page.Find("[data-past-the-end]").TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc", "“abc” is not a page number; showing page 1.")]
    [InlineData("0", "Pages start at 1, so page 0 shows page 1.")]
    [InlineData("-1", "Pages start at 1, so page -1 shows page 1.")]
    public void A_page_that_is_not_a_page_number_shows_page_one_and_says_why(string typed, string correction)
    {
        context.Api.Json(FirstPage, Samples.Page(1, 2, QueuedJob(), DoneJob()));

        var page = RenderAt(typed);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-job-id]").Count));
        Assert.Equal(correction, page.Find("[data-page-correction]").TextContent);
        Assert.Equal(0, context.Api.Requests.Count(r => r.StartsWith("/api/jobs?page=", StringComparison.Ordinal) && r != FirstPage));
    }

    [Fact]
    public void The_page_header_shows_the_live_indicator_fed_by_readiness()
    {
        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Degraded", workers: "Degraded"));

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("Degraded", page.Find(".page-header [data-live-state]").GetAttribute("data-live-state")));
    }

    [Fact]
    public void A_member_sees_no_owner_column()
    {
        var page = RenderPage();

        Assert.DoesNotContain("Owner", page.Find("thead").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-owner]"));
    }

    [Fact]
    public void An_admin_sees_whose_each_job_is()
    {
        context.SignInAsAdmin();
        context.Api.Json(FirstPage, Samples.Page(1, 2, Samples.Job(Queued, status: "Queued", owner: "\"alice\""), Samples.Job(Done, status: "Succeeded")));

        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.Equal(["alice", "—"], page.FindAll("[data-owner]").Select(o => o.TextContent)));
        Assert.Contains("Owner", page.Find("thead").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revoked_key_shows_sign_in_again_and_stops_retrying()
    {
        context.Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.Unauthorized, """{ "title": "A valid API key is required" }""");

        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-key-rejected] [data-sign-in-again]")));
        Assert.Equal(1, context.Api.CountOf(FirstPage));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<JobsPage> RenderPage()
    {
        context.Api.Json(FirstPage, Samples.Page(1, 2, QueuedJob(), DoneJob()));
        var page = context.Render<JobsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-job-id]").Count));
        return page;
    }

    private IRenderedComponent<JobsPage> RenderAt(string typedPage)
    {
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(typedPage.StartsWith("jobs", StringComparison.Ordinal) ? typedPage : navigation.GetUriWithQueryParameter("page", typedPage));
        return context.Render<JobsPage>();
    }

    private IRenderedComponent<JobsPage> RenderSortedByName()
    {
        context.Api.Json(ByName, Samples.Page(1, 2, QueuedJob(), DoneJob()));
        var page = RenderAt("jobs?sort=name");
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
