namespace TrainingService.Web.Clients.Api;

/// <summary>
/// One bucket of consecutive training steps starting at <see cref="Step"/>: the mean loss, and the
/// extremes the Api keeps so a spike inside a bucket stays visible after downsampling.
/// </summary>
public sealed record StepLossPointDto(long Step, double Mean, double Min, double Max);
