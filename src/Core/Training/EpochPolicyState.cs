namespace TrainingService.Core.Training;

/// <summary>What <see cref="EpochPolicy"/> has decided so far: the best epoch by the checkpoint metric, and early stopping's count.</summary>
public sealed record EpochPolicyState(int BestEpoch, double BestValue, EarlyStoppingState? EarlyStopping);

/// <summary>Early stopping's best value, its epoch, and the epochs since it.</summary>
public sealed record EarlyStoppingState(double BestValue, int BestEpoch, int WaitCount);
