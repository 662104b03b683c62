namespace TrainingService.Core.Training.Evaluation;

/// <summary>
/// sklearn's <c>classification_report</c> over every class of the confusion matrix (as with
/// <c>labels=range(C)</c>, so a class that never occurs still counts in the macro average), with
/// <c>zero_division=0</c>: a precision, recall or F1 whose denominator is 0 is 0.
/// </summary>
public sealed record ClassificationReport(IReadOnlyList<ClassMetrics> Classes, double Accuracy, AveragedMetrics MacroAverage, AveragedMetrics WeightedAverage)
{
    /// <param name="confusion">Counts as <c>[true][predicted]</c>, as <see cref="ConfusionMatrix.Read"/> returns them.</param>
    public static ClassificationReport From(long[][] confusion, IReadOnlyList<string> classNames)
    {
        var n = confusion.Length;
        if (n == 0 || classNames.Count != n || confusion.Any(row => row.Length != n))
        {
            throw new ArgumentException($"Expected a non-empty square matrix with one row per class name ({classNames.Count}).", nameof(confusion));
        }
        var classes = Enumerable.Range(0, n).Select(c =>
        {
            var truePositives = confusion[c][c];
            var support = confusion[c].Sum();
            var predicted = confusion.Sum(row => row[c]);
            return new ClassMetrics(classNames[c], Ratio(truePositives, predicted), Ratio(truePositives, support),
                Ratio(2 * truePositives, support + predicted), support);
        }).ToArray();
        var total = classes.Sum(c => c.Support);
        var correct = Enumerable.Range(0, n).Sum(c => confusion[c][c]);
        var macro = new AveragedMetrics(classes.Average(c => c.Precision), classes.Average(c => c.Recall), classes.Average(c => c.F1), total);
        var weighted = new AveragedMetrics(Weighted(classes, c => c.Precision, total), Weighted(classes, c => c.Recall, total),
            Weighted(classes, c => c.F1, total), total);
        return new ClassificationReport(classes, Ratio(correct, total), macro, weighted);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double Weighted(ClassMetrics[] classes, Func<ClassMetrics, double> metric, long total) =>
        total == 0 ? 0 : classes.Sum(c => metric(c) * c.Support) / total;
}
