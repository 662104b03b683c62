using System.Text.Json;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Sweeps;

/// <summary>
/// A validated sweep: the base job submission as sent, the search space over its fields by JSON path,
/// how trials are drawn, how many run, the metric they are ranked by, and optional ASHA early stopping.
/// </summary>
public sealed record SweepSpec(
    string Name,
    JsonElement BaseSpec,
    IReadOnlyList<SearchParameter> Parameters,
    string Method,
    long Seed,
    int MaxTrials,
    int MaxConcurrent,
    string Metric,
    MetricMode Mode,
    AshaSpec? EarlyStopping);

/// <summary>
/// One searched field: <see cref="Path"/> such as <c>hyperparameters.learningRate</c>, and either a
/// <see cref="Values"/> list or a range (<see cref="Distribution"/> <c>uniform</c>, <c>loguniform</c> or <c>int</c>).
/// </summary>
public sealed record SearchParameter(string Path, IReadOnlyList<JsonElement>? Values, string? Distribution, double? Min, double? Max);

/// <summary>Asynchronous successive halving with epochs as rungs: milestones gracePeriod × reductionFactor^k up to the epochs.</summary>
public sealed record AshaSpec(string Kind, int GracePeriod, int ReductionFactor);
