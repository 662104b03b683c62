using System.Net;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Web.Features.Jobs;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Jobs;

/// <summary>Finding jobs: filters and sort in the URL, tags, checkpoint sizes, the disk used, selecting for compare and deleting.</summary>
public sealed class JobsPageFindingTests : IDisposable
{
    private const string FirstPage = "/api/jobs?page=1&pageSize=20&sort=active&order=asc";
    private static readonly Guid Baseline = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Tuned = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
    private readonly DashboardContext context = new();

    [Fact]
    public void Applying_filters_puts_them_in_the_url_and_asks_the_api_for_just_those_jobs()
    {
        const string filtered = "/api/jobs?page=1&pageSize=20&status=Running%2CSucceeded&model=lenet5&tag=baseline&q=lr&sort=active&order=asc";
        context.Api.Json(filtered, Samples.Page(1, 1, BaselineJob()));
        var page = RenderPage();

        page.Find("[data-status-filter=Running]").Change(true);
        page.Find("[data-status-filter=Succeeded]").Change(true);
        page.Find("[data-filter=model]").Change("lenet5");
        page.Find("[data-filter=tag]").Change("baseline");
        page.Find("[data-filter=q]").Change("lr");
        page.Find("[data-job-filters]").Submit();

        Assert.EndsWith("/jobs?page=1&pageSize=20&status=Running%2CSucceeded&model=lenet5&tag=baseline&q=lr&sort=active&order=asc", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal([Baseline.ToString()], page.FindAll("[data-job-id]").Select(r => r.GetAttribute("data-job-id"))));
        Assert.Equal(1, context.Api.CountOf(filtered));
        Assert.True(page.Find("[data-status-filter=Running]").HasAttribute("checked"));
        Assert.Equal("baseline", page.Find("[data-filter=tag]").GetAttribute("value"));
    }

    [Fact]
    public void A_shared_filtered_link_shows_the_filtered_list_with_its_filters_filled_in()
    {
        const string filtered = "/api/jobs?page=1&pageSize=20&status=Failed&dataset=mnist&sort=createdAt&order=desc";
        context.Api.Json(filtered, Samples.Page(1, 1, TunedJob()));

        Navigation.NavigateTo("jobs?status=Failed&dataset=mnist&sort=createdAt&order=desc");
        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-job-id]")));
        Assert.True(page.Find("[data-status-filter=Failed]").HasAttribute("checked"));
        Assert.False(page.Find("[data-status-filter=Running]").HasAttribute("checked"));
        Assert.Equal("mnist", page.Find("[data-filter=dataset]").GetAttribute("value"));
        Assert.Equal("descending", page.Find("th:has([data-sort=createdAt])").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task A_filter_being_typed_survives_a_live_update_of_the_list()
    {
        var page = RenderPage();

        page.Find("[data-filter=model]").Change("resnet");
        await context.Hub.RaiseAsync(Samples.EpochEvent(Baseline, epoch: 5));

        page.WaitForAssertion(() => Assert.Equal("resnet", page.Find("[data-filter=model]").GetAttribute("value")));
        Assert.Equal(1, context.Api.CountOf(FirstPage));
    }

    [Fact]
    public void A_sweep_filter_that_is_not_an_id_is_refused_beside_the_field()
    {
        var page = RenderPage();
        var before = Navigation.Uri;

        page.Find("[data-filter=sweep]").Change("not-a-sweep");
        page.Find("[data-job-filters]").Submit();

        Assert.Equal(before, Navigation.Uri);
        Assert.Contains("must be a sweep id", page.Find("[data-field-error=sweep]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Clicking_a_column_header_sorts_by_it_and_a_second_click_turns_the_order()
    {
        const string byName = "/api/jobs?page=1&pageSize=20&sort=name&order=asc";
        const string byNameDescending = "/api/jobs?page=1&pageSize=20&sort=name&order=desc";
        context.Api.Json(byName, Samples.Page(1, 2, BaselineJob(), TunedJob()));
        context.Api.Json(byNameDescending, Samples.Page(1, 2, TunedJob(), BaselineJob()));
        var page = RenderPage();
        Assert.Equal("none", Header(page, "name").GetAttribute("aria-sort"));
        Assert.Contains("Running jobs first", page.Find("[data-sort-note]").TextContent, StringComparison.Ordinal);

        Navigation.NavigateTo(SortLink(page, "name"));

        page.WaitForAssertion(() => Assert.Equal("ascending", Header(page, "name").GetAttribute("aria-sort")));
        Assert.Equal("Name ▲", Header(page, "name").TextContent.Trim());
        Assert.Equal("none", Header(page, "createdAt").GetAttribute("aria-sort"));
        Assert.Equal(1, context.Api.CountOf(byName));
        Assert.Equal("jobs?page=1&pageSize=20&sort=name&order=desc", SortLink(page, "name"));

        Navigation.NavigateTo(SortLink(page, "name"));

        page.WaitForAssertion(() => Assert.Equal("descending", Header(page, "name").GetAttribute("aria-sort")));
        Assert.Equal("Name ▼", Header(page, "name").TextContent.Trim());
        Assert.Equal([Tuned.ToString(), Baseline.ToString()], page.FindAll("[data-job-id]").Select(r => r.GetAttribute("data-job-id")));
        Assert.Equal("jobs?page=1&pageSize=20&sort=active&order=asc", page.Find("[data-action=sort-active]").GetAttribute("href"));
    }

    [Fact]
    public void The_pager_keeps_the_filters_and_sort()
    {
        const string failed = "/api/jobs?page=1&pageSize=20&status=Failed&sort=name&order=desc";
        context.Api.Json(failed, Samples.Page(1, 45, TunedJob()));

        Navigation.NavigateTo("jobs?status=Failed&sort=name&order=desc");
        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find(".pager")));
        Assert.Equal("jobs?page=2&pageSize=20&status=Failed&sort=name&order=desc", page.Find(".pager a").GetAttribute("href"));
    }

    [Fact]
    public void Rows_show_tags_as_chips_that_filter_by_them_and_checkpoint_bytes_in_human_units()
    {
        var page = RenderPage();

        var row = Row(page, Baseline);
        Assert.Equal(["baseline", "lr-0.05"], row.QuerySelectorAll(".chip").Select(c => c.TextContent));
        Assert.Equal("jobs?page=1&pageSize=20&tag=baseline&sort=active&order=asc", row.QuerySelector("[data-tag=baseline]")!.GetAttribute("href"));
        Assert.Equal("1.5 MiB", row.QuerySelector("[data-checkpoint-bytes]")!.TextContent);
        Assert.Equal("—", Row(page, Tuned).QuerySelector("[data-checkpoint-bytes]")!.TextContent);
    }

    [Fact]
    public void A_filter_nothing_matches_says_so_rather_than_no_jobs_yet()
    {
        context.Api.Json("/api/jobs?page=1&pageSize=20&tag=nothing&sort=active&order=asc", Samples.Page(1, 0));

        Navigation.NavigateTo("jobs?tag=nothing");
        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-no-match]")));
        Assert.Empty(page.FindAll("[data-no-jobs]"));
    }

    [Fact]
    public void The_disk_used_and_the_retention_policy_are_shown()
    {
        context.Api.Json("/api/storage", Samples.Storage);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("3.00 GiB in 42 files", page.Find("[data-storage-checkpoints]").TextContent));
        Assert.Equal("50.0 MiB in 2 uploads", page.Find("[data-storage-datasets]").TextContent);
        Assert.Equal(
            "best and last kept; training checkpoints of finished jobs deleted after 14 days; at most 10.00 GiB of checkpoints, oldest finished jobs' first; runs every 1 h",
            page.Find("[data-storage-retention]").TextContent);
        Assert.Equal("2026-11-23 03:00:00 UTC, freed 1.0 MiB", page.Find("[data-storage-last-run]").TextContent);
    }

    [Fact]
    public void Compare_selected_needs_two_ticked_jobs_and_links_to_their_comparison()
    {
        var page = RenderPage();
        Assert.True(page.Find("[data-action=compare-selected]").HasAttribute("disabled"));

        page.Find($"[data-select-job='{Baseline}']").Change(true);
        Assert.True(page.Find("[data-action=compare-selected]").HasAttribute("disabled"));
        page.Find($"[data-select-job='{Tuned}']").Change(true);

        var compare = page.Find("[data-action=compare-selected]");
        Assert.Equal($"compare?jobs={Baseline},{Tuned}", compare.GetAttribute("href"));
        Assert.Equal("Compare selected (2)", compare.TextContent);
    }

    [Fact]
    public void Deleting_from_a_row_asks_first_naming_the_job_and_its_checkpoints_then_says_it_is_done()
    {
        context.Api.Json($"/api/jobs/{Baseline}/checkpoints", Samples.TrainingCheckpoints(Baseline));
        context.Api.Answer(HttpMethod.Delete, $"/api/jobs/{Baseline}", HttpStatusCode.NoContent, "");
        var page = RenderPage();
        context.Api.Json(FirstPage, Samples.Page(1, 1, TunedJob()));

        Row(page, Baseline).QuerySelector("[data-action=delete]")!.Click();

        var dialog = page.WaitForElement($"[data-delete-dialog='{Baseline}']");
        Assert.Equal("Delete “baseline-run”?", dialog.QuerySelector("h2")!.TextContent);
        page.WaitForAssertion(() => Assert.Equal(
            "This removes the job with its metrics, steps, attempts and evaluation, and its 3 checkpoints (best, last, training; 1.5 MiB).",
            page.Find("[data-delete-what]").TextContent));
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Delete, $"/api/jobs/{Baseline}"));

        page.Find("[data-action=confirm-delete]").Click();

        page.WaitForAssertion(() => Assert.Equal("Deleted job “baseline-run” and its checkpoints (1.5 MiB).", page.Find("[data-notice]").TextContent));
        Assert.Equal(1, context.Api.CountOf(HttpMethod.Delete, $"/api/jobs/{Baseline}"));
        Assert.Empty(page.FindAll("[data-delete-dialog]"));
        Assert.Equal([Tuned.ToString()], page.FindAll("[data-job-id]").Select(r => r.GetAttribute("data-job-id")));
    }

    [Fact]
    public void Keeping_the_job_closes_the_question_and_deletes_nothing()
    {
        var page = RenderPage();

        Row(page, Baseline).QuerySelector("[data-action=delete]")!.Click();
        page.Find("[data-action=keep-job]").Click();

        Assert.Empty(page.FindAll("[data-delete-dialog]"));
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Delete, $"/api/jobs/{Baseline}"));
    }

    [Fact]
    public void A_job_that_is_not_finished_offers_no_delete_and_says_why()
    {
        context.Api.Json(FirstPage, Samples.Page(1, 1, Samples.Job(Baseline, status: "Running", name: "busy")));

        var page = context.Render<JobsPage>();

        var delete = page.WaitForElement($"[data-delete-job='{Baseline}']");
        Assert.True(delete.HasAttribute("disabled"));
        Assert.Equal("Only a finished job can be deleted; cancel it first", delete.GetAttribute("title"));
    }

    public void Dispose() => context.Dispose();

    private NavigationManager Navigation => context.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<JobsPage> RenderPage()
    {
        context.Api.Json(FirstPage, Samples.Page(1, 2, BaselineJob(), TunedJob()));
        var page = context.Render<JobsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-job-id]").Count));
        return page;
    }

    private static IElement Row(IRenderedComponent<JobsPage> page, Guid id) => page.Find($"[data-job-id='{id}']");

    private static IElement Header(IRenderedComponent<JobsPage> page, string column) => page.Find($"th:has([data-sort={column}])");

    private static string SortLink(IRenderedComponent<JobsPage> page, string column) => page.Find($"[data-sort={column}]").GetAttribute("href")!;

    private static string BaselineJob() => Samples.Job(Baseline, status: "Succeeded", name: "baseline-run", currentEpoch: 5,
        tags: """["baseline", "lr-0.05"]""", checkpointBytes: 1_572_864);

    private static string TunedJob() => Samples.Job(Tuned, status: "Failed", name: "tuned-run", currentEpoch: 3);
}
