using System.Text.Json;

namespace TrainingService.Contracts.Sweeps;

/// <summary>
/// The body of <c>POST /api/sweeps</c>: a base job submission, the search space over its fields by JSON path,
/// how trials are drawn and how many run, the metric they are ranked by, and optional ASHA early stopping.
/// </summary>
/// <param name="Name">Shown in lists; trials are named after it and their number.</param>
/// <param name="Base">A job submission exactly as <c>POST /api/jobs</c> takes it; every trial is this with the searched fields set.</param>
/// <param name="Parameters">By dotted path into <paramref name="Base"/> (<c>hyperparameters.learningRate</c>), in grid order.</param>
/// <param name="Method"><c>grid</c> (every combination, in order) or <c>random</c> (seeded by <paramref name="Seed"/>).</param>
/// <param name="Seed">Seeds the random draws, so the same submission draws the same trials (default 0).</param>
/// <param name="MaxTrials">Required for <c>random</c>; for <c>grid</c> at most the grid's size, which is the default.</param>
/// <param name="MaxConcurrent">How many trials may be queued or running at once (default 2).</param>
/// <param name="Metric">An epoch metric (<c>validation_accuracy</c> by default), as <c>hyperparameters.checkpointMetric</c> spells it.</param>
/// <param name="Mode"><c>max</c> or <c>min</c>; by default what the metric's name implies.</param>
/// <param name="EarlyStopping">Optional ASHA early stopping; without it every trial runs all its epochs.</param>
public sealed record SweepSubmission(
    string? Name,
    JsonElement Base,
    IReadOnlyDictionary<string, SearchParameterSubmission>? Parameters,
    string? Method,
    long? Seed,
    int? MaxTrials,
    int? MaxConcurrent,
    string? Metric,
    string? Mode,
    EarlyStoppingSubmission? EarlyStopping);

/// <summary>One searched field: a <c>values</c> list, or a <c>distribution</c> (<c>uniform</c>, <c>loguniform</c>, <c>int</c>) between <c>min</c> and <c>max</c>.</summary>
public sealed record SearchParameterSubmission(IReadOnlyList<JsonElement>? Values, string? Distribution, double? Min, double? Max);

/// <summary><c>{"kind": "asha", "gracePeriod": 1, "reductionFactor": 4}</c>: epochs are the rungs.</summary>
public sealed record EarlyStoppingSubmission(string? Kind, int? GracePeriod, int? ReductionFactor);
