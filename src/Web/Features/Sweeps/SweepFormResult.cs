using TrainingService.Contracts.Sweeps;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>What the form maps to: a submission to send, or the problems that keep it from being one, keyed by field.</summary>
public sealed record SweepFormResult(SweepSubmission? Submission, IReadOnlyDictionary<string, string[]> Errors);
