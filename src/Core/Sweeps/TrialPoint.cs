using System.Text.Json;

namespace TrainingService.Core.Sweeps;

/// <summary>The values trial <see cref="Number"/> (1, 2, ...) gives the searched fields, in the sweep's parameter order.</summary>
public sealed record TrialPoint(int Number, IReadOnlyList<ParameterValue> Values);

/// <summary>One searched field's value: <see cref="Path"/> such as <c>hyperparameters.learningRate</c>.</summary>
public sealed record ParameterValue(string Path, JsonElement Value);
