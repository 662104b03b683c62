using System.Globalization;
using System.Text;
using TrainingService.AshaBenchmark.Figures;

namespace TrainingService.AshaBenchmark;

/// <summary>The benchmark's markdown: each sweep's trials (and ASHA's rungs), then the two side by side and the criterion.</summary>
internal static class MarkdownReport
{
    public static string Write(string heading, IReadOnlyList<string> setup, MeasuredSweep withoutEarlyStopping, MeasuredSweep withAsha, SweepComparison comparison)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {heading}").AppendLine();
        foreach (var line in setup) text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        foreach (var sweep in new[] { withoutEarlyStopping, withAsha }) AppendSweep(text, sweep);

        var (a, b) = (withoutEarlyStopping.Figures, withAsha.Figures);
        text.AppendLine().AppendLine("## Side by side").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| figure | {a.Label} | {b.Label} |").AppendLine("|---|---|---|");
        Row(text, "best trial", BestName(a), BestName(b));
        Row(text, "its best validation accuracy", Percent(a.Best?.BestValidationAccuracy), Percent(b.Best?.BestValidationAccuracy));
        Row(text, "its test accuracy", Percent(a.Best?.TestAccuracy), Percent(b.Best?.TestAccuracy));
        Row(text, "trials stopped by ASHA", Stopped(a), Stopped(b));
        Row(text, "epochs trained", Number(a.EpochsTrained), Number(b.EpochsTrained));
        Row(text, "total training seconds", Seconds(a.TrainingSeconds), Seconds(b.TrainingSeconds));
        Row(text, "wall-clock seconds, submit to Completed", Seconds(a.WallSeconds), Seconds(b.WallSeconds));
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"- best validation accuracy, ASHA minus without: {comparison.BestDifferencePoints:+0.00;-0.00;0.00} points; same best trial: {(comparison.SameBestTrial ? "yes" : "no")}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"- total training seconds, ASHA / without: {comparison.TrainingSecondsRatio:0.00}; wall-clock, ASHA / without: {comparison.WallSecondsRatio:0.00}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"- criterion (the same best trial or within {SweepComparison.TolerancePoints} points, with less total training time): {(comparison.MeetsCriterion ? "met" : "NOT met")}"));
        return text.ToString();
    }

    private static void AppendSweep(StringBuilder text, MeasuredSweep sweep)
    {
        var figures = sweep.Figures;
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {figures.Label}").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Sweep {figures.Status}: best {BestName(figures)}, validation accuracy {Percent(figures.Best?.BestValidationAccuracy)} "
            + $"(epoch {figures.Best?.BestEpoch}), test accuracy {Percent(figures.Best?.TestAccuracy)}; stopped by ASHA: {Stopped(figures)}; "
            + $"total training {Seconds(figures.TrainingSeconds)} s; wall-clock {Seconds(figures.WallSeconds)} s.").AppendLine();
        text.AppendLine("| trial | values | status | epochs | best validation accuracy (epoch) | test accuracy | training s | stopped at rung |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var trial in figures.Trials)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {trial.TrialNumber} | {trial.Parameters} | {trial.Status} | {trial.EpochsCompleted} | "
                + $"{Percent(trial.BestValidationAccuracy)} ({trial.BestEpoch}) | {Percent(trial.TestAccuracy)} | {Seconds(trial.TrainingSeconds)} | {trial.StoppedAtRung?.ToString(CultureInfo.InvariantCulture) ?? ""} |");
        }
        if (sweep.Rungs.Count == 0) return;
        text.AppendLine().AppendLine("ASHA's decisions (`GET /api/sweeps/{id}/rungs`):").AppendLine();
        text.AppendLine("| rung | epoch | trial | value | cutoff | stopped |").AppendLine("|---|---|---|---|---|---|");
        foreach (var rung in sweep.Rungs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {rung.Rung} | {rung.Epoch} | {rung.TrialNumber} | {Percent(rung.Value)} | {Percent(rung.Cutoff)} | {(rung.Stopped ? "yes" : "no")} |");
        }
    }

    private static void Row(StringBuilder text, string figure, string a, string b) => text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {a} | {b} |");

    private static string BestName(SweepFigures figures) => figures.Best is { } best ? $"#{best.TrialNumber} ({best.Parameters})" : "none";

    private static string Stopped(SweepFigures figures) =>
        figures.Stopped.Count == 0
            ? "0"
            : $"{figures.Stopped.Count}: " + string.Join(", ", figures.Stopped.Select(t => string.Create(CultureInfo.InvariantCulture, $"#{t.TrialNumber} at rung {t.StoppedAtRung}")));

    private static string Percent(double? fraction) => fraction is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x * 100:0.00}%") : "n/a";

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
