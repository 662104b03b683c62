using System.Net;
using System.Text.Json;
using Bunit;
using TrainingService.Contracts.Sweeps;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Sweeps;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Sweeps;

public sealed class SweepDetailsPageTests : IDisposable
{
    private static readonly string SweepPath = $"/api/sweeps/{SweepSamples.SweepId}";
    private readonly DashboardContext context = new();

    [Fact]
    public void The_leaderboard_ranks_a_min_sweep_lowest_first_with_values_reasons_and_links()
    {
        Serve(SweepSamples.Definition(mode: "min", metric: "validation_loss"),
            [SweepSamples.Trial(1, 0.30), SweepSamples.Trial(2, 0.90, status: "Cancelled", reason: "stopped by ASHA at rung 1", optimizer: "adam"), SweepSamples.Trial(3, 0.25, lr: 0.002)]);

        var page = context.Render<SweepDetailsPage>(p => p.Add(c => c.Id, SweepSamples.SweepId));

        page.WaitForAssertion(() => Assert.Equal(["3", "1", "2"], page.FindAll("[data-leaderboard] tbody tr").Select(r => r.GetAttribute("data-trial"))));
        var stopped = page.Find("[data-leaderboard] tr[data-trial='2']");
        Assert.Equal("stopped by ASHA at rung 1", stopped.QuerySelector("[data-reason]")!.TextContent);
        Assert.Equal("adam", stopped.QuerySelector("[data-parameter='hyperparameters.optimizer']")!.TextContent);
        Assert.Equal($"jobs/{SweepSamples.JobOf(2)}", stopped.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("0.2500", page.Find("tr[data-trial='3'] [data-best-value]").TextContent);
        Assert.Equal("0.002", page.Find("tr[data-trial='3'] [data-parameter='hyperparameters.learningRate']").TextContent);
    }

    [Fact]
    public void Compare_selected_opens_the_comparison_of_the_checked_trials_in_rank_order()
    {
        Serve(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.5), SweepSamples.Trial(2, 0.9), SweepSamples.Trial(3, 0.7)]);
        var page = context.Render<SweepDetailsPage>(p => p.Add(c => c.Id, SweepSamples.SweepId));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-leaderboard] tbody tr").Count));
        Assert.True(page.Find("[data-action=compare]").HasAttribute("disabled"));

        page.Find($"[data-select='{SweepSamples.JobOf(1)}']").Change(true);
        page.Find($"[data-select='{SweepSamples.JobOf(2)}']").Change(true);

        Assert.Equal($"compare?jobs={SweepSamples.JobOf(2)},{SweepSamples.JobOf(1)}", page.Find("a[data-action=compare]").GetAttribute("href"));
    }

    [Fact]
    public void The_rung_table_shows_each_decision_with_its_value_and_cutoff()
    {
        Serve(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.9), SweepSamples.Trial(2, 0.4)], rungs:
        [
            new SweepRungResource(1, 1, SweepSamples.JobOf(2), 2, 0.40, 0.75, true, SweepSamples.Created.AddMinutes(2)),
            new SweepRungResource(1, 1, SweepSamples.JobOf(1), 1, 0.75, null, false, SweepSamples.Created.AddMinutes(1)),
            new SweepRungResource(2, 4, SweepSamples.JobOf(1), 1, 0.90, null, false, SweepSamples.Created.AddMinutes(5)),
        ]);

        var page = context.Render<SweepDetailsPage>(p => p.Add(c => c.Id, SweepSamples.SweepId));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-rungs] tbody tr").Count));
        var rows = page.FindAll("[data-rungs] tbody tr");
        Assert.Equal(["1:1:promoted", "1:2:stopped", "2:1:promoted"], rows.Select(r => $"{r.GetAttribute("data-rung")}:{r.GetAttribute("data-trial")}:{r.GetAttribute("data-decision")}"));
        Assert.Contains("first at this rung", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("75.00%", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("40.00%", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_asks_first_then_cancels_the_sweep()
    {
        Serve(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.9)]);
        context.Api.Post($"{SweepPath}/cancel", HttpStatusCode.OK, Json(SweepSamples.Sweep(SweepSamples.Definition(), SweepStatus.Cancelled)));
        var page = context.Render<SweepDetailsPage>(p => p.Add(c => c.Id, SweepSamples.SweepId));
        page.WaitForAssertion(() => page.Find("[data-action=cancel]"));

        page.Find("[data-action=cancel]").Click();
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Post, $"{SweepPath}/cancel"));
        page.Find("[data-action=confirm-cancel]").Click();

        page.WaitForAssertion(() => Assert.Equal(1, context.Api.CountOf(HttpMethod.Post, $"{SweepPath}/cancel")));
    }

    [Fact]
    public void The_best_trials_epochs_are_drawn_and_the_plot_gets_a_line_per_trial_with_a_value()
    {
        var best = new SweepBestTrial(SweepSamples.JobOf(2), 2, 0.9, 2);
        Serve(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.5), SweepSamples.Trial(2, 0.9), SweepSamples.Trial(3, null, status: "Queued")], best: best);
        context.Api.Json($"/api/jobs/{best.JobId}/metrics", Samples.Metrics(1, 2));

        var page = context.Render<SweepDetailsPage>(p => p.Add(c => c.Id, SweepSamples.SweepId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-best-curves] svg")));
        Assert.NotNull(page.Find("[data-plot]"));
        Assert.Contains("1 trial has no value yet", page.Find("[data-parallel-coordinates]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_epoch_of_a_trial_rereads_the_sweep()
    {
        Serve(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.5, status: "Running")]);
        var page = context.Render<SweepDetailsPage>(p => p.Add(c => c.Id, SweepSamples.SweepId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-leaderboard] tbody tr")));
        Assert.Equal(1, context.Hub.AllJobsSubscribers);
        Serve(SweepSamples.Definition(), [SweepSamples.Trial(1, 0.8, status: "Running")]);

        await context.Hub.RaiseAsync(Samples.EpochEvent(SweepSamples.JobOf(1), epoch: 2));

        page.WaitForAssertion(() => Assert.Equal("80.00%", page.Find("tr[data-trial='1'] [data-best-value]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void An_unknown_sweep_says_so()
    {
        var page = context.Render<SweepDetailsPage>(p => p.Add(c => c.Id, SweepSamples.SweepId));

        page.WaitForAssertion(() => Assert.Contains("Sweep not found", page.Find("[data-sweep-not-found]").TextContent, StringComparison.Ordinal));
    }

    public void Dispose() => context.Dispose();

    private void Serve(SweepSubmission definition, IReadOnlyList<SweepTrialResource> trials, IReadOnlyList<SweepRungResource>? rungs = null, SweepBestTrial? best = null)
    {
        context.Api.Json(SweepPath, Json(SweepSamples.Sweep(definition, best: best)));
        context.Api.Json($"{SweepPath}/trials", Json(trials));
        context.Api.Json($"{SweepPath}/rungs", Json(rungs ?? []));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);
}
