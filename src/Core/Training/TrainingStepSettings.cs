using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Training;

/// <summary>What each training step applies besides forward, backward and step.</summary>
public sealed record TrainingStepSettings(ILearningRateSchedule Schedule, double? GradientClipNorm, double LabelSmoothing);
