namespace TrainingService.Core.Events;

/// <summary>A checkpoint file was written and its row stored.</summary>
public sealed record CheckpointSavedEvent(Guid JobId, string Name, int Epoch) : TrainingEvent(JobId);
