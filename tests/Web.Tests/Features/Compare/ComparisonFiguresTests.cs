using System.Text.Json;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Compare;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Compare;

/// <summary>The figures the comparison derives: final metrics, the confusion difference and the selection in the URL.</summary>
public sealed class ComparisonFiguresTests
{
    [Fact]
    public void Final_metrics_take_the_best_validation_epochs_the_result_and_the_time_spent()
    {
        var job = JsonSerializer.Deserialize<JobDto>(
            Samples.Job(Guid.NewGuid(), status: "Succeeded", currentEpoch: 3, totalEpochs: 3,
                result: """{ "testLoss": 0.08, "testAccuracy": 0.975, "bestEpoch": 2 }"""), ApiJson.Options)!;
        EpochMetricDto[] epochs =
        [
            Epoch(1, validationLoss: 0.30, validationAccuracy: 0.90, seconds: 20, imagesPerSecond: 1000),
            Epoch(2, validationLoss: 0.25, validationAccuracy: 0.95, seconds: 30, imagesPerSecond: 2000),
            Epoch(3, validationLoss: 0.20, validationAccuracy: 0.94, seconds: 40, imagesPerSecond: 3000),
        ];

        var final = FinalMetrics.From(job, epochs);

        Assert.Equal((0.95, 2), (final.BestValidationAccuracy, final.BestValidationAccuracyEpoch));
        Assert.Equal((0.20, 3), (final.BestValidationLoss, final.BestValidationLossEpoch));
        Assert.Equal((0.975, 0.08), (final.TestAccuracy, final.TestLoss));
        Assert.Equal((3, 3), (final.EpochsDone, final.TotalEpochs));
        Assert.Equal(TimeSpan.FromSeconds(90), final.TrainingTime);
        Assert.Equal(2000, final.ImagesPerSecond);
    }

    [Fact]
    public void A_job_without_epochs_or_validation_has_no_best_figures()
    {
        var job = JsonSerializer.Deserialize<JobDto>(Samples.Job(Guid.NewGuid(), status: "Queued", currentEpoch: 0), ApiJson.Options)!;

        var final = FinalMetrics.From(job, [Epoch(1, validationLoss: null, validationAccuracy: null, seconds: 5, imagesPerSecond: 10)]);

        Assert.Null(final.BestValidationAccuracy);
        Assert.Null(final.BestValidationLossEpoch);
        Assert.Null(final.TestAccuracy);
        Assert.Equal(1, final.EpochsDone);
    }

    [Fact]
    public void The_confusion_difference_is_the_second_matrix_minus_the_first()
    {
        var difference = ConfusionDifference.Between(
            Evaluation(["cat", "dog"], [[8, 2], [3, 7]]),
            Evaluation(["cat", "dog"], [[9, 1], [5, 5]]))!;

        Assert.Equal([[1L, -1L], [2L, -2L]], difference.Cells.Select(row => row.ToArray()));
        Assert.Equal(2, difference.MaxMagnitude);
    }

    [Fact]
    public void Evaluations_over_other_classes_have_no_difference()
    {
        Assert.Null(ConfusionDifference.Between(Evaluation(["cat", "dog"], [[1, 0], [0, 1]]), Evaluation(["dog", "cat"], [[1, 0], [0, 1]])));
        Assert.Null(ConfusionDifference.Between(Evaluation(["cat", "dog"], [[1, 0], [0, 1]]), Evaluation(["cat", "dog"], [[1, 0]])));
    }

    [Fact]
    public void The_selection_keeps_the_order_given_drops_repeats_and_keeps_what_is_not_an_id()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var selection = CompareSelection.Parse($" {second},{first},,nope,{second.ToString().ToUpperInvariant()}");

        Assert.Equal([second, first], selection.Ids);
        Assert.Equal(["nope"], selection.Malformed);
        Assert.Equal($"compare?jobs={second},{first}", CompareLinks.For([second, first, second]));
    }

    private static EpochMetricDto Epoch(int epoch, double? validationLoss, double? validationAccuracy, double seconds, double imagesPerSecond) =>
        new(epoch, 0.5, 0.8, validationLoss, validationAccuracy, 0.05, seconds, imagesPerSecond, Samples.Start.AddMinutes(epoch));

    private static EvaluationDto Evaluation(string[] classes, long[][] matrix) =>
        new(2, 0.1, 0.9, null, matrix.Sum(r => r.Sum()), classes,
            new ClassificationReportDto([], 0.9, new AveragedMetricsDto(0, 0, 0, 0), new AveragedMetricsDto(0, 0, 0, 0)), matrix);
}
