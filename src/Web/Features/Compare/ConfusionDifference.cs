using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Compare;

/// <summary>
/// The second job's confusion matrix minus the first's (rows are true classes): on the diagonal a positive cell is
/// images the second gets right that the first did not; off it, a positive cell is more of that mistake.
/// </summary>
public sealed record ConfusionDifference(IReadOnlyList<string> ClassNames, IReadOnlyList<IReadOnlyList<long>> Cells)
{
    /// <summary>The largest change in any cell, which the heat map's shading is relative to.</summary>
    public long MaxMagnitude => Cells.SelectMany(row => row).Select(Math.Abs).DefaultIfEmpty(0).Max();

    /// <returns>The difference, or <see langword="null"/> when the two were not evaluated on the same classes.</returns>
    public static ConfusionDifference? Between(EvaluationDto first, EvaluationDto second)
    {
        var classes = first.ClassNames;
        if (!classes.SequenceEqual(second.ClassNames, StringComparer.Ordinal)
            || !IsSquare(first.ConfusionMatrix, classes.Count) || !IsSquare(second.ConfusionMatrix, classes.Count))
        {
            return null;
        }

        return new ConfusionDifference(
            classes,
            [.. first.ConfusionMatrix.Zip(second.ConfusionMatrix, (a, b) => (IReadOnlyList<long>)[.. a.Zip(b, (x, y) => y - x)])]);
    }

    private static bool IsSquare(IReadOnlyList<IReadOnlyList<long>> matrix, int size) =>
        matrix.Count == size && matrix.All(row => row.Count == size);
}
