namespace TrainingService.Core.Jobs.Submission;

/// <summary>
/// A job specification as a client sends it: every member optional so that the validator,
/// not the JSON reader, decides what is missing and names it.
/// </summary>
public sealed record JobSubmission(
    string? Name,
    ModelSubmission? Model,
    DatasetSubmission? Dataset,
    HyperparametersSubmission? Hyperparameters);
