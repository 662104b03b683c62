using System.Text.Json;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Sweeps;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Api.Apis.Sweeps;

/// <summary>Maps stored sweeps, trials and rung decisions to the resources of <c>TrainingService.Contracts.Sweeps</c>.</summary>
public static class SweepMapping
{
    public static SweepResource ToResource(this SweepView view) => new(
        view.Sweep.Id, view.Sweep.Name, view.Sweep.Status, view.Sweep.StatusReason, view.Owner, view.Sweep.CreatedAt, view.Sweep.UpdatedAt,
        view.Sweep.FinishedAt, view.Sweep.Spec.ToDefinition(), view.Counts, view.Best);

    /// <summary>The definition as validated, every default filled in, in the shape it was submitted in.</summary>
    public static SweepSubmission ToDefinition(this SweepSpec spec) => new(
        spec.Name,
        spec.BaseSpec,
        spec.Parameters.ToDictionary(p => p.Path, p => new SearchParameterSubmission(p.Values, p.Distribution, p.Min, p.Max), StringComparer.Ordinal),
        spec.Method,
        spec.Seed,
        spec.MaxTrials,
        spec.MaxConcurrent,
        spec.Metric,
        MetricModeNames.ToName(spec.Mode),
        spec.EarlyStopping is { } asha ? new EarlyStoppingSubmission(asha.Kind, asha.GracePeriod, asha.ReductionFactor) : null);

    /// <summary>The trial's values are read from its job's spec, their one owner.</summary>
    public static SweepTrialResource ToResource(this TrialView trial, SweepSpec sweep)
    {
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var parameter in sweep.Parameters)
        {
            if (SearchPaths.Read(trial.Job.Spec, parameter.Path) is { } value) parameters[parameter.Path] = value;
        }
        var best = SweepMetric.Best(sweep.Metric, sweep.Mode, trial.Metrics);
        var last = trial.Metrics.MaxBy(m => m.Epoch);
        return new SweepTrialResource(trial.Job.Id, trial.Job.TrialNumber ?? 0, trial.Job.Status.ToString(), trial.Job.StatusReason, parameters,
            trial.Job.CurrentEpoch, best?.Value, best?.Epoch, last is null ? null : SweepMetric.Read(sweep.Metric, last), trial.Job.TestAccuracy,
            trial.StoppedAtRung is not null, trial.StoppedAtRung);
    }

    public static SweepRungResource ToResource(this RungView view) =>
        new(view.Rung.Rung, view.Rung.Epoch, view.Rung.JobId, view.TrialNumber, view.Rung.Value, view.Rung.Cutoff, view.Rung.Stopped, view.Rung.RecordedAt);
}
