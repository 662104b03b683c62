namespace TrainingService.Core.Models;

/// <summary>What a builder varies per job: input channels (from the dataset) and output classes.</summary>
public sealed record ModelBuildOptions(int InputChannels, int NumClasses);
