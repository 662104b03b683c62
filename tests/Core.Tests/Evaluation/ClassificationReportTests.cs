using TrainingService.Core.Training.Evaluation;

namespace TrainingService.Core.Tests.Evaluation;

public sealed class ClassificationReportTests
{
    private const int Precision = 12;

    [Fact]
    public void Per_class_and_averaged_figures_match_the_hand_computation()
    {
        // Matrix [[2,1,1],[1,2,0],[0,1,2]]: supports (row sums) 4, 3, 3; predicted (column sums) 3, 4, 3.
        var report = ClassificationReport.From(ConfusionMatrixTests.Expected, ["cat", "dog", "bird"]);
        var (cat, dog, bird) = (report.Classes[0], report.Classes[1], report.Classes[2]);

        // precision = tp / predicted, recall = tp / support, F1 = 2 tp / (support + predicted)
        Assert.Equal(("cat", 2.0 / 3, 2.0 / 4, 4.0 / 7, 4L), (cat.Name, cat.Precision, cat.Recall, cat.F1, cat.Support));
        Assert.Equal(("dog", 2.0 / 4, 2.0 / 3, 4.0 / 7, 3L), (dog.Name, dog.Precision, dog.Recall, dog.F1, dog.Support));
        Assert.Equal(("bird", 2.0 / 3, 2.0 / 3, 4.0 / 6, 3L), (bird.Name, bird.Precision, bird.Recall, bird.F1, bird.Support));
        // accuracy = (2 + 2 + 2) / 10
        Assert.Equal(0.6, report.Accuracy, Precision);
        // macro: P = (2/3 + 1/2 + 2/3) / 3 = 11/18, R = (1/2 + 2/3 + 2/3) / 3 = 11/18, F1 = (4/7 + 4/7 + 2/3) / 3 = 38/63
        Assert.Equal(11.0 / 18, report.MacroAverage.Precision, Precision);
        Assert.Equal(11.0 / 18, report.MacroAverage.Recall, Precision);
        Assert.Equal(38.0 / 63, report.MacroAverage.F1, Precision);
        Assert.Equal(10, report.MacroAverage.Support);
        // weighted by support: P = (4*2/3 + 3*1/2 + 3*2/3) / 10 = 37/60, R = (2 + 2 + 2) / 10 = 0.6,
        // F1 = (4*4/7 + 3*4/7 + 3*2/3) / 10 = (4 + 2) / 10 = 0.6
        Assert.Equal(37.0 / 60, report.WeightedAverage.Precision, Precision);
        Assert.Equal(0.6, report.WeightedAverage.Recall, Precision);
        Assert.Equal(0.6, report.WeightedAverage.F1, Precision);
    }

    [Fact]
    public void Undefined_ratios_are_zero_as_with_sklearns_zero_division_0_and_count_in_the_macro_average()
    {
        // Class b is never predicted (precision 0/0), class c neither occurs nor is predicted.
        var report = ClassificationReport.From([[2, 0, 0], [1, 0, 0], [0, 0, 0]], ["a", "b", "c"]);

        Assert.Equal((0.0, 0.0, 0.0, 1L), (report.Classes[1].Precision, report.Classes[1].Recall, report.Classes[1].F1, report.Classes[1].Support));
        Assert.Equal((0.0, 0.0, 0.0, 0L), (report.Classes[2].Precision, report.Classes[2].Recall, report.Classes[2].F1, report.Classes[2].Support));
        // a: P = 2/3, R = 1, F1 = 4/5; macro P = (2/3) / 3 = 2/9, F1 = (4/5) / 3 = 4/15
        Assert.Equal(2.0 / 9, report.MacroAverage.Precision, Precision);
        Assert.Equal(4.0 / 15, report.MacroAverage.F1, Precision);
        Assert.Equal(2.0 / 3, report.Accuracy, Precision);
    }

    [Fact]
    public void A_matrix_that_does_not_fit_the_class_names_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ClassificationReport.From([[1, 0], [0, 1]], ["only one"]));
        Assert.Throws<ArgumentException>(() => ClassificationReport.From([[1, 0], [0]], ["a", "b"]));
    }
}
