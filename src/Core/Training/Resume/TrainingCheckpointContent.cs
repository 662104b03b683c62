using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Training.Resume;

/// <summary>
/// Everything a run needs to continue exactly where it stopped. <see cref="Epoch"/> counts complete
/// epochs (PyTorch users' <c>"epoch"</c>); <see cref="InProgress"/> is the next epoch's partial training when
/// the run stopped inside it. The optimizer state is kept in PyTorch's own layout, so the same file
/// continues in <c>torch.optim</c>.
/// </summary>
/// <param name="Step">Training steps taken in all, the partial epoch's included.</param>
/// <param name="BestFile">The file name (in the job's folder) of the best weights so far, for the final test evaluation.</param>
/// <param name="StoppedEarlyAfter">Set when early stopping ended training after that epoch (only the test evaluation is left).</param>
public sealed record TrainingCheckpointContent(
    Guid JobId,
    int Attempt,
    int Epoch,
    long Step,
    EpochProgress? InProgress,
    IReadOnlyList<StateTensor> Model,
    OptimizerState Optimizer,
    IReadOnlyDictionary<string, double> Scheduler,
    EpochPolicyState Policy,
    RngState Rng,
    double LearningRate,
    string? BestFile,
    int? StoppedEarlyAfter);
