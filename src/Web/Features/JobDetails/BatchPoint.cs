namespace TrainingService.Web.Features.JobDetails;

/// <summary>Running loss and accuracy after <see cref="Batch"/> batches of the current epoch.</summary>
public sealed record BatchPoint(int Batch, double Loss, double Accuracy);
