using TrainingService.Core.Training.Evaluation;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Training;

/// <summary>What each training step applies besides forward, backward and step, and where its loss is kept.</summary>
public sealed record TrainingStepSettings(ILearningRateSchedule Schedule, double? GradientClipNorm, double LabelSmoothing, StepLossRecorder StepLosses);
