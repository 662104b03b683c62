namespace TrainingService.Web.Clients.Api;

/// <summary>Evaluation of the best checkpoint on the test split, present once a job has succeeded.</summary>
public sealed record JobResultDto(double TestLoss, double TestAccuracy, int BestEpoch);
