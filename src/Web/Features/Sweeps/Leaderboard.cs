using TrainingService.Contracts.Sweeps;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// Trials ranked by their best value of the sweep's metric, best first in the sweep's mode; ties keep trial order.
/// Trials without a value yet (queued, first epoch under way) and those whose value is not a number follow, by number.
/// </summary>
public static class Leaderboard
{
    public static IReadOnlyList<SweepTrialResource> Rank(IEnumerable<SweepTrialResource> trials, string? mode)
    {
        var all = trials.ToList();
        var ranked = all.Where(HasValue);
        var ordered = SweepMetrics.IsMin(mode)
            ? ranked.OrderBy(t => t.BestValue!.Value)
            : ranked.OrderByDescending(t => t.BestValue!.Value);
        return [.. ordered.ThenBy(t => t.TrialNumber), .. all.Where(t => !HasValue(t)).OrderBy(t => t.TrialNumber)];
    }

    public static bool HasValue(SweepTrialResource trial) => trial.BestValue is { } value && double.IsFinite(value);
}
