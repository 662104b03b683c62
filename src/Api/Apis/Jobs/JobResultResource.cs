namespace TrainingService.Api.Apis.Jobs;

/// <summary>The test-split evaluation of a finished job's best checkpoint.</summary>
public sealed record JobResultResource(double TestLoss, double TestAccuracy, int BestEpoch);
