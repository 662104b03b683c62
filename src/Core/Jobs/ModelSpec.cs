namespace TrainingService.Core.Jobs;

/// <summary>Which zoo network to train and how many classes its last layer has.</summary>
public sealed record ModelSpec(string Name, int NumClasses);
