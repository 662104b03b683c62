namespace TrainingService.Core.Jobs.Submission;

/// <summary>The model part of a submitted job; <c>numClasses</c> follows the dataset when left out.</summary>
public sealed record ModelSubmission(string? Name, int? NumClasses);
