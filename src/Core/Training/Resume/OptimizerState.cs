using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Training.Resume;

/// <summary>
/// An optimizer's state as <c>torch.optim.Optimizer.state_dict()</c> lays it out: per parameter index the
/// named buffers (<c>momentum_buffer</c>, <c>exp_avg</c>, <c>exp_avg_sq</c>, ...) and the step count, and one
/// parameter group with every hyperparameter under torch's names.
/// </summary>
/// <param name="Kind">The torch class: <c>SGD</c>, <c>Adam</c>, <c>AdamW</c> or <c>RMSprop</c>.</param>
/// <param name="Group">The group's hyperparameters (booleans as 0/1), in torch's key order; <c>params</c> is implied.</param>
public sealed record OptimizerState(string Kind, IReadOnlyList<ParameterState?> Parameters, IReadOnlyList<KeyValuePair<string, object?>> Group);

/// <summary>One parameter's optimizer buffers, and its step count for optimizers that keep one.</summary>
public sealed record ParameterState(long? Step, IReadOnlyList<StateTensor> Buffers);
