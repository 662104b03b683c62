using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed partial class JobPageAttemptsTests : IDisposable
{
    private static readonly Guid Id = Samples.JobId;
    private readonly DashboardContext context = new();

    [Fact]
    public void The_attempts_table_lists_every_run_with_where_it_started_and_why_it_ended()
    {
        ServeResumedJob();

        var page = RenderPage();

        Assert.Equal(["1", "2"], page.FindAll("[data-attempt]").Select(r => r.GetAttribute("data-attempt")));
        var first = Cells(page, 1);
        Assert.Equal(["1", "gpu-host:4242", "2026-11-23 01:00:05 UTC", "2026-11-23 01:03:10 UTC", "worker crashed", "0", "0",
            "Segmentation fault in libtorch"], first);
        var second = Cells(page, 2);
        Assert.Equal(["2", "gpu-host:5151", "2026-11-23 01:04:00 UTC", "—", "running", "2", "1,876", "—"], second);
    }

    [Fact]
    public void A_job_no_worker_has_started_says_so_instead_of_an_empty_table()
    {
        Serve(Samples.Job(Id, status: "Queued", currentEpoch: 0), "[]");

        var page = RenderPage();

        Assert.Empty(page.FindAll(".attempts-table"));
        Assert.Contains("No worker has started this job yet", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_status_change_of_the_job_rereads_its_attempts()
    {
        Serve(Samples.Job(Id), """[ { "attempt": 1, "worker": "gpu-host:4242", "startedAt": "2026-11-23T01:00:05Z", "startEpoch": 0, "startStep": 0 } ]""");
        var page = RenderPage();
        context.Api.Json(Samples.AttemptsPath(Id), Samples.ResumedAttempts());

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Id, JobStatus.Running, null, 2, 5, null, Samples.Start)
        {
            Reason = "worker lost (no heartbeat for 31 s); resuming (restart 1 of 3)",
            Attempt = 1,
        });
        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Guid.NewGuid(), JobStatus.Running, null, 0, 5, null, Samples.Start));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-attempt]").Count));
        Assert.Equal(2, context.Api.CountOf(Samples.AttemptsPath(Id)));
    }

    [Fact]
    public async Task A_new_attempt_rereads_the_whole_page()
    {
        Serve(Samples.Job(Id), "[]");
        var page = RenderPage();
        Serve(Samples.Job(Id, attempt: 2, restarts: 1), Samples.ResumedAttempts());

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Id, JobStatus.Running, null, 2, 5, null, Samples.Start) { Attempt = 2 });

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-attempt]").Count));
        Assert.Equal(2, context.Api.CountOf($"/api/jobs/{Id}/metrics"));
    }

    [Fact]
    public void A_resumed_job_marks_where_its_second_attempt_started_on_every_curve()
    {
        ServeResumedJob();

        var page = RenderPage();

        // Epochs 1-3 are plotted; attempt 2 started with 2 complete, so its line stands on epoch 2's point.
        foreach (var chart in new[] { "Loss", "Accuracy" })
        {
            var train = Vertices(page.Find($"[data-chart={chart}] .rz-series-0 path").GetAttribute("d"));
            Assert.Equal(train[1].X, MarkerX(page, chart), precision: 6);
            Assert.Contains("attempt 2 resumed", Legend(page, chart));
        }

        // Steps 0, 1000 and 2000 are plotted; attempt 2's first step was 1,876.
        var mean = Vertices(page.Find("[data-chart=Steps] .rz-line-series path").GetAttribute("d"));
        Assert.Equal(1876 / 2000.0, (MarkerX(page, "Steps") - mean[0].X) / (mean[^1].X - mean[0].X), precision: 6);
        Assert.Contains("attempt 2 resumed", Legend(page, "Steps"));
    }

    [Fact]
    public void A_job_that_ran_once_has_no_resume_markers()
    {
        Serve(Samples.Job(Id), """[ { "attempt": 1, "worker": "gpu-host:4242", "startedAt": "2026-11-23T01:00:05Z", "startEpoch": 0, "startStep": 0 } ]""");

        var page = RenderPage();

        Assert.DoesNotContain(page.FindAll(".rz-legend-item-text"), l => l.TextContent.Contains("resumed", StringComparison.Ordinal));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<JobPage> RenderPage()
    {
        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".progress-card")));
        return page;
    }

    private void ServeResumedJob()
    {
        Serve(Samples.Job(Id, currentEpoch: 3, attempt: 2, restarts: 1), Samples.ResumedAttempts());
        context.Api.Json($"/api/jobs/{Id}/metrics", Samples.Metrics(1, 2, 3));
        context.Api.Json(Samples.StepsPath(Id), Samples.Steps(2814, (0, 2.3, 2.1, 2.5), (1000, 1.2, 0.9, 1.6), (2000, 0.8, 0.5, 1.1)));
    }

    private void Serve(string job, string attempts)
    {
        context.Api.Json($"/api/jobs/{Id}", job);
        context.Api.Json($"/api/jobs/{Id}/metrics", Samples.Metrics(1, 2));
        context.Api.Json($"/api/jobs/{Id}/checkpoints", Samples.Checkpoints(Id));
        context.Api.Json(Samples.AttemptsPath(Id), attempts);
    }

    private static List<string> Cells(IRenderedComponent<JobPage> page, int attempt) =>
        [.. page.FindAll($"[data-attempt='{attempt}'] td").Select(c => c.TextContent.Trim())];

    private static IEnumerable<string> Legend(IRenderedComponent<JobPage> page, string chart) =>
        page.FindAll($"[data-chart={chart}] .rz-legend-item-text").Select(l => l.TextContent);

    /// <summary>The marker is the one dashed series; both its ends share an x, which makes it vertical.</summary>
    private static double MarkerX(IRenderedComponent<JobPage> page, string chart)
    {
        IElement line = Assert.Single(page.FindAll($"[data-chart={chart}] .rz-line-series path[stroke-dasharray]"));
        var ends = Vertices(line.GetAttribute("d"));
        Assert.Equal(2, ends.Count);
        Assert.Equal(ends[0].X, ends[1].X, precision: 6);
        return ends[0].X;
    }

    private static List<(double X, double Y)> Vertices(string? path) =>
        [.. Vertex().Matches(path ?? "").Select(m => (Number(m.Groups[1].Value), Number(m.Groups[2].Value)))];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[ML] (-?[\d.]+) (-?[\d.]+)")]
    private static partial Regex Vertex();
}
