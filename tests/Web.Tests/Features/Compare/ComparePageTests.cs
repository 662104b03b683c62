using System.Net;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Compare;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Compare;

public sealed class ComparePageTests : IDisposable
{
    private static readonly Guid First = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid Second = Guid.Parse("00000000-0000-0000-0000-0000000000f2");
    private readonly DashboardContext context = new();

    [Fact]
    public void Two_jobs_side_by_side_final_metrics_network_sizes_and_only_the_spec_fields_that_differ()
    {
        Serve(First, Samples.Job(First, status: "Succeeded", name: "lr-0.05", currentEpoch: 2, totalEpochs: 2, result: Result(0.975, 0.08)));
        Serve(Second, Samples.Job(Second, status: "Succeeded", name: "lr-0.01", currentEpoch: 2, totalEpochs: 2, learningRate: 0.01, result: Result(0.96, 0.12)));

        var page = RenderAt($"compare?jobs={First},{Second}");

        var first = Row(page, "[data-final-metrics]", First);
        Assert.Contains("lr-0.05", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("97.50%", Metric(first, "test-accuracy"));
        Assert.Equal("96.00%", Metric(Row(page, "[data-final-metrics]", Second), "test-accuracy"));
        Assert.Contains("best", first.QuerySelector("[data-metric=test-accuracy]")!.ClassList);
        Assert.DoesNotContain("best", Row(page, "[data-final-metrics]", Second).QuerySelector("[data-metric=test-accuracy]")!.ClassList);
        Assert.Equal("95.00% (2)", Metric(first, "best-validation-accuracy"));
        Assert.Equal("0.1800 (2)", Metric(first, "best-validation-loss"));
        Assert.Equal("2 / 2", Metric(first, "epochs"));
        Assert.Equal("41.0 s", Metric(first, "time"));
        Assert.Equal("2,600", Metric(first, "images-per-second"));

        Assert.Equal("61,706", Metric(Row(page, "[data-network-sizes]", First), "parameters"));
        Assert.Equal("416,520", Metric(Row(page, "[data-network-sizes]", Second), "mult-adds"));
        Assert.Equal(2, context.Api.CountOf(HttpMethod.Post, "/api/jobs/validate"));

        Assert.Equal(["name", "hyperparameters.learningRate"], page.FindAll("[data-spec-path]").Select(r => r.GetAttribute("data-spec-path")));
        Assert.Equal(["0.05", "0.01"], page.Find("[data-spec-path='hyperparameters.learningRate']").QuerySelectorAll("td").Select(c => c.TextContent));
    }

    [Fact]
    public void Curves_are_overlaid_one_colour_per_job_with_the_job_names_in_the_legend()
    {
        Serve(First, Samples.Job(First, name: "lr-0.05"));
        Serve(Second, Samples.Job(Second, name: "lr-0.01"));

        var page = RenderAt($"compare?jobs={First},{Second}");

        var loss = page.Find("[data-compare-chart=Loss]");
        Assert.Equal(4, loss.QuerySelectorAll(".rz-line-series").Length);
        Assert.Equal(4, page.Find("[data-compare-chart=Accuracy]").QuerySelectorAll(".rz-line-series").Length);
        Assert.Equal(2, page.Find("[data-compare-chart=Steps]").QuerySelectorAll(".rz-line-series").Length);
        var legend = loss.QuerySelector(".rz-legend")!.TextContent;
        Assert.Contains("lr-0.05 · train", legend, StringComparison.Ordinal);
        Assert.Contains("lr-0.01 · validation", legend, StringComparison.Ordinal);
        // Train and validation of the first job, then of the second: each pair in its job's colour, train dashed.
        Assert.Equal(
            [CompareColors.For(0), CompareColors.For(0), CompareColors.For(1), CompareColors.For(1)],
            loss.QuerySelectorAll(".rz-line-series").Select(series => series.QuerySelector("circle")!.GetAttribute("fill")));
        Assert.Contains("stroke-dasharray", loss.QuerySelector(".rz-line-series.rz-series-0 path")!.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("stroke-dasharray", loss.QuerySelector(".rz-line-series.rz-series-1 path")!.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void For_two_jobs_on_the_same_dataset_the_confusion_matrices_difference_is_shown_coloured_by_sign()
    {
        Serve(First, Samples.Job(First, status: "Succeeded", name: "a", result: Result(0.75, 0.5)), Evaluation([[8, 2], [3, 7]]));
        Serve(Second, Samples.Job(Second, status: "Succeeded", name: "b", result: Result(0.8, 0.4)), Evaluation([[9, 1], [3, 7]]));

        var page = RenderAt($"compare?jobs={First},{Second}");

        var difference = page.WaitForElement("[data-confusion-difference]");
        Assert.Contains("b minus a", difference.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("+1", "1"), Cell(difference, "0,0"));
        Assert.Equal(("-1", "-1"), Cell(difference, "0,1"));
        Assert.Equal(("0", "0"), Cell(difference, "1,1"));
        Assert.Contains("rgba(37, 99, 235", difference.QuerySelector("[data-cell='0,0']")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("rgba(220, 38, 38", difference.QuerySelector("[data-cell='0,1']")!.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_on_different_datasets_get_no_confusion_difference_and_are_told_why()
    {
        Serve(First, Samples.Job(First, status: "Succeeded", name: "a"), Evaluation([[8, 2], [3, 7]]));
        Serve(Second, Samples.Job(Second, status: "Succeeded", name: "b", dataset: "fashion-mnist"), Evaluation([[9, 1], [3, 7]]));

        var page = RenderAt($"compare?jobs={First},{Second}");

        Assert.Empty(page.FindAll("[data-confusion-difference]"));
        Assert.Equal("The two jobs were trained on different datasets.", page.Find("[data-no-confusion-difference]").TextContent);
    }

    [Fact]
    public void Unknown_ids_and_text_that_is_no_id_are_listed_as_not_found_and_one_job_is_too_few()
    {
        var unknown = Guid.NewGuid();
        Serve(First, Samples.Job(First, name: "only-one"));

        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"compare?jobs={First},{unknown},not-an-id");
        var page = context.Render<ComparePage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-too-few]")));
        Assert.Equal(["not-an-id", unknown.ToString()], page.FindAll("[data-missing-job]").Select(m => m.TextContent));
        Assert.Contains("only one was found", page.Find("[data-too-few]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-final-metrics]"));
    }

    [Fact]
    public void A_page_without_jobs_says_comparing_needs_two()
    {
        var page = context.Render<ComparePage>();

        page.WaitForAssertion(() => Assert.Contains("none was found", page.Find("[data-too-few]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Running_jobs_are_followed_live_each_in_its_hub_group()
    {
        Serve(First, Samples.Job(First, name: "a"));
        Serve(Second, Samples.Job(Second, name: "b"));
        var page = RenderAt($"compare?jobs={First},{Second}");
        Assert.Equal([First, Second], context.Hub.JoinedJobs.Order());
        Assert.Equal(2, TrainMarkers(page));

        await context.Hub.RaiseAsync(Samples.EpochEvent(First, epoch: 3));

        page.WaitForAssertion(() => Assert.Equal(3, TrainMarkers(page)));
        Assert.Equal("3 / 5", Metric(Row(page, "[data-final-metrics]", First), "epochs"));

        Serve(Second, Samples.Job(Second, status: "Succeeded", name: "b", currentEpoch: 5, result: Result(0.99, 0.03)), Evaluation([[9, 1], [3, 7]]));
        await context.Hub.RaiseAsync(new JobStatusChangedEvent(Second, JobStatus.Succeeded, null, 5, 5, 0.99, Samples.Start));

        page.WaitForAssertion(() => Assert.Equal("99.00%", Metric(Row(page, "[data-final-metrics]", Second), "test-accuracy")));
        await context.DisposeComponentsAsync();
        Assert.Empty(context.Hub.JoinedJobs);
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<ComparePage> RenderAt(string link)
    {
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(link);
        var page = context.Render<ComparePage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-final-metrics]")));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-summary-problem]")));
        return page;
    }

    private void Serve(Guid id, string job, string? evaluation = null)
    {
        context.Api.Json($"/api/jobs/{id}", job);
        context.Api.Json($"/api/jobs/{id}/metrics", Samples.Metrics(1, 2));
        context.Api.Json(Samples.StepsPath(id), Samples.Steps(4, (0, 2.3, 2.2, 2.4), (2, 1.1, 0.9, 1.3)));
        if (evaluation is not null)
        {
            context.Api.Json($"/api/jobs/{id}/evaluation", evaluation);
        }

        context.Api.Post("/api/jobs/validate", HttpStatusCode.OK, """
            {"spec":{},"input":{"dataset":"mnist","imageShape":"1x28x28","inputShape":"1x32x32","classCount":10,"outputClasses":10},
             "summary":{"model":"lenet5","batch":1,"inputShape":"1x32x32","layers":[],"totalParams":61706,"trainableParams":61706,"totalMultAdds":416520,
                        "inputSizeMb":0.0,"forwardBackwardPassSizeMb":0.06,"paramsSizeMb":0.25,"estimatedTotalSizeMb":0.31,"text":"..."},
             "trainingMemory":{"totalBytes":5000000,"parameterStateBytes":740000,"batchBytes":4260000,"batchSize":64,"limitBytes":34359738368}}
            """);
    }

    private static string Result(double accuracy, double loss) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""{ "testLoss": {{loss}}, "testAccuracy": {{accuracy}}, "bestEpoch": 2 }""");

    private static string Evaluation(long[][] matrix) => $$$"""
        {"checkpointEpoch":2,"loss":0.1,"accuracy":0.75,"top5Accuracy":null,"count":20,"classNames":["0","1"],
         "report":{"classes":[],"accuracy":0.75,"macroAverage":{"precision":0,"recall":0,"f1":0,"support":20},"weightedAverage":{"precision":0,"recall":0,"f1":0,"support":20}},
         "confusionMatrix":[{{{string.Join(",", matrix.Select(r => $"[{string.Join(",", r)}]"))}}}]}
        """;

    private static IElement Row(IRenderedComponent<ComparePage> page, string table, Guid id) =>
        page.Find($"{table} [data-compare-job='{id}']");

    private static string Metric(IElement row, string metric) => row.QuerySelector($"[data-metric={metric}]")!.TextContent.Trim();

    private static (string Text, string Sign) Cell(IElement table, string cell)
    {
        var element = table.QuerySelector($"[data-cell='{cell}']")!;
        return (element.TextContent, element.GetAttribute("data-sign")!);
    }

    // The first job's train-loss series is the chart's first; each finished epoch is one marker on it.
    private static int TrainMarkers(IRenderedComponent<ComparePage> page) =>
        page.FindAll("[data-compare-chart=Loss] .rz-line-series.rz-series-0 .rz-marker").Count;
}
