using Bunit;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class JobPageTests : IDisposable
{
    private static readonly Guid Id = Samples.JobId;
    private readonly DashboardContext context = new();

    [Fact]
    public void Renders_job_history_checkpoints_and_spec_from_the_api()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1, 2));

        var page = RenderPage();

        Assert.Equal("lenet-mnist", page.Find("h1").TextContent);
        Assert.Equal("Running", page.Find(".badge").TextContent);
        Assert.Equal(["1", "2"], page.FindAll("[data-epoch]").Select(r => r.GetAttribute("data-epoch")));
        Assert.Equal(2, TrainMarkers(page, "Loss"));
        Assert.Equal(2, TrainMarkers(page, "Accuracy"));
        Assert.Contains("2 of 5 done", page.Find(".progress-card").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            $"downloads/jobs/{Id}/checkpoints/best",
            page.Find("[data-checkpoint=best] a.download").GetAttribute("href"));
        Assert.Contains("ab12cd34ef56", page.Find("[data-checkpoint=best]").TextContent, StringComparison.Ordinal);
        Assert.Contains("\"futureField\"", page.Find("pre.json").TextContent, StringComparison.Ordinal);
        Assert.Contains(Id, context.Hub.JoinedJobs);
    }

    [Fact]
    public async Task A_live_epoch_grows_the_table_and_both_charts_without_a_reload()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1, 2));
        var page = RenderPage();
        // Only the steps are re-read; the epoch's own figures come with the event.
        var readsBefore = HistoryReads();

        await context.Hub.RaiseAsync(Samples.EpochEvent(Id, epoch: 3));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-epoch]").Count));
        Assert.Equal(3, TrainMarkers(page, "Loss"));
        Assert.Equal(3, TrainMarkers(page, "Accuracy"));
        Assert.Contains("0.2500", page.Find("[data-epoch='3']").TextContent, StringComparison.Ordinal);
        Assert.Equal(readsBefore, HistoryReads());
    }

    [Fact]
    public async Task A_reconnect_rereads_history_and_merges_it_with_live_points()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1));
        var page = RenderPage();
        await context.Hub.RaiseAsync(Samples.EpochEvent(Id, epoch: 2));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-epoch]").Count));

        // While disconnected epochs 3 and 4 finished; history now holds 1-4, including the live 2.
        Serve(Samples.Job(Id, currentEpoch: 4), Samples.Metrics(1, 2, 3, 4));
        await context.Hub.RaiseConnectedAsync();

        page.WaitForAssertion(() =>
            Assert.Equal(["1", "2", "3", "4"], page.FindAll("[data-epoch]").Select(r => r.GetAttribute("data-epoch"))));
        Assert.Equal(4, TrainMarkers(page, "Loss"));
    }

    [Fact]
    public async Task Batch_progress_fills_the_epoch_bar_and_the_batch_chart()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1, 2));
        var page = RenderPage();

        await context.Hub.RaiseAsync(new BatchProgressEvent(Id, Epoch: 3, Batch: 469, BatchesPerEpoch: 938, Loss: 0.21, Accuracy: 0.93));

        page.WaitForAssertion(() => Assert.Contains("batch 469 of 938", page.Find(".progress-card").TextContent, StringComparison.Ordinal));
        Assert.Equal("50", page.FindAll("[role=progressbar]")[1].GetAttribute("aria-valuenow"));
        Assert.NotNull(page.Find(".batch-chart .rz-line-series"));
    }

    [Fact]
    public async Task Failure_shows_the_error_after_rereading_the_job()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1));
        var page = RenderPage();
        Serve(Samples.Job(Id, status: "Failed", error: "\"CUDA out of memory\""), Samples.Metrics(1));

        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Id, JobStatus.Failed, "CUDA out of memory", 1, 5, null, Samples.Start));

        page.WaitForAssertion(() => Assert.Contains("CUDA out of memory", page.Find(".job-error").TextContent, StringComparison.Ordinal));
        Assert.Equal("Failed", page.Find(".badge").TextContent);
    }

    [Fact]
    public async Task A_saved_checkpoint_rereads_the_checkpoint_list()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1));
        context.Api.Json($"/api/jobs/{Id}/checkpoints", "[]");
        var page = RenderPage();
        Assert.Empty(page.FindAll("[data-checkpoint]"));

        context.Api.Json($"/api/jobs/{Id}/checkpoints", Samples.Checkpoints(Id));
        await context.Hub.RaiseAsync(new CheckpointSavedEvent(Id, "best", 2));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-checkpoint=best]")));
    }

    [Fact]
    public void An_unreachable_api_shows_a_banner_instead_of_failing()
    {
        context.Api.Unreachable = true;

        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Id));

        page.WaitForAssertion(() => Assert.Contains("Api unavailable", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_job_shows_not_found()
    {
        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Equal("Job not found", page.Find("h1").TextContent));
    }

    [Fact]
    public async Task Leaving_the_page_leaves_the_job_group()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1));
        RenderPage();

        await context.DisposeComponentsAsync();

        Assert.DoesNotContain(Id, context.Hub.JoinedJobs);
    }

    [Fact]
    public void An_unknown_job_names_the_id_and_links_back_to_the_job_list()
    {
        var unknown = Guid.NewGuid();

        var page = context.Render<JobPage>(p => p.Add(c => c.Id, unknown));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-job-not-found]")));
        Assert.Contains(unknown.ToString(), page.Find("[data-job-not-found]").TextContent, StringComparison.Ordinal);
        Assert.Equal("jobs", page.Find("[data-job-not-found] a").GetAttribute("href"));
        Assert.DoesNotContain("Loading job", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_job_id_is_job_not_found_too()
    {
        var page = context.Render<MalformedJobIdPage>(p => p.Add(c => c.Text, "not-a-guid"));

        Assert.Equal("Job not found", page.Find("h1").TextContent);
        Assert.Contains("not-a-guid is not a job id", page.Find("[data-job-not-found]").TextContent, StringComparison.Ordinal);
        Assert.Equal("jobs", page.Find("[data-job-not-found] a").GetAttribute("href"));
    }

    [Fact]
    public void A_503_from_the_api_shows_its_problem_detail_instead_of_a_spinner()
    {
        context.Api.Answer(HttpMethod.Get, $"/api/jobs/{Id}", System.Net.HttpStatusCode.ServiceUnavailable,
            Samples.Problem(503, "The database is unavailable", "PostgreSQL is not answering; the request was not carried out. Retry after 5 s."));

        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Id));

        page.WaitForAssertion(() => Assert.Contains("PostgreSQL is not answering", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Contains("503", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Loading job", page.Markup, StringComparison.Ordinal);
    }

    public void Dispose() => context.Dispose();

    [Fact]
    public void A_succeeded_job_shows_its_per_class_figures_and_confusion_matrix()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1, 2));
        context.Api.Json($"/api/jobs/{Id}/evaluation", """
            {"checkpointEpoch": 2, "loss": 0.3, "accuracy": 0.75, "top5Accuracy": null, "count": 4, "classNames": ["cat", "dog"],
             "report": {"classes": [{"name": "cat", "precision": 1, "recall": 0.5, "f1": 0.6667, "support": 2},
                                    {"name": "dog", "precision": 0.6667, "recall": 1, "f1": 0.8, "support": 2}],
                        "accuracy": 0.75, "macroAverage": {"precision": 0.8333, "recall": 0.75, "f1": 0.7333, "support": 4},
                        "weightedAverage": {"precision": 0.8333, "recall": 0.75, "f1": 0.7333, "support": 4}},
             "confusionMatrix": [[1, 1], [0, 2]]}
            """);

        var page = RenderPage();

        Assert.Contains("checkpoint of epoch 2", page.Find(".evaluation h2").TextContent, StringComparison.Ordinal);
        Assert.Contains("0.500", page.Find("[data-class=cat]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["1", "1", "0", "2"], page.FindAll(".confusion td.cell").Select(c => c.TextContent));
    }

    [Fact]
    public void A_running_job_shows_no_evaluation()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1));

        var page = RenderPage();

        Assert.Empty(page.FindAll(".evaluation"));
    }

    [Fact]
    public void The_training_checkpoint_is_labelled_resumable_and_each_checkpoint_shows_its_step()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1, 2));
        context.Api.Json($"/api/jobs/{Id}/checkpoints", Samples.TrainingCheckpoints(Id));

        var page = RenderPage();

        Assert.Equal(["best", "last", "training (resumable)"], page.FindAll("[data-checkpoint] td:first-child").Select(c => c.TextContent));
        Assert.Contains("1,876", page.Find("[data-checkpoint=training]").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            $"downloads/jobs/{Id}/checkpoints/training",
            page.Find("[data-checkpoint=training] a.download").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-checkpoint=training] a.safetensors-download"));
    }

    [Fact]
    public void A_job_with_a_best_checkpoint_offers_its_bundle_and_its_weights_as_safetensors()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1, 2));

        var page = RenderPage();

        Assert.Equal($"downloads/jobs/{Id}/bundle", page.Find("a.bundle-download").GetAttribute("href"));
        Assert.Equal($"downloads/jobs/{Id}/checkpoints/best?format=safetensors",
            page.Find("[data-checkpoint=best] a.safetensors-download").GetAttribute("href"));
    }

    [Fact]
    public void Best_and_last_link_their_ONNX_exports_through_the_dashboard_and_the_training_checkpoint_has_none()
    {
        Serve(Samples.Job(Id), Samples.Metrics(1, 2));
        context.Api.Json($"/api/jobs/{Id}/checkpoints", Samples.TrainingCheckpoints(Id));

        var page = RenderPage();

        Assert.Equal(
            [$"downloads/jobs/{Id}/onnx?checkpoint=best&preprocess=false", $"downloads/jobs/{Id}/onnx?checkpoint=best&preprocess=true"],
            page.FindAll("[data-checkpoint=best] a.download-onnx").Select(a => a.GetAttribute("href")));
        Assert.Equal(2, page.FindAll("[data-checkpoint=last] a.download-onnx").Count);
        Assert.Empty(page.FindAll("[data-checkpoint=training] a.download-onnx"));
    }

    private IRenderedComponent<JobPage> RenderPage()
    {
        var page = context.Render<JobPage>(p => p.Add(c => c.Id, Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".progress-card")));
        return page;
    }

    private void Serve(string job, string metrics)
    {
        context.Api.Json($"/api/jobs/{Id}", job);
        context.Api.Json($"/api/jobs/{Id}/metrics", metrics);
        context.Api.Json($"/api/jobs/{Id}/checkpoints", Samples.Checkpoints(Id));
    }

    private int HistoryReads() => context.Api.Requests.Count(r => !r.Contains("/steps", StringComparison.Ordinal));

    private static int TrainMarkers(IRenderedComponent<JobPage> page, string chart) =>
        page.FindAll($"[data-chart={chart}] .rz-line-series.rz-series-0 .rz-marker").Count;
}
