namespace TrainingService.Core.Jobs;

/// <summary>Either a complete spec or, per offending field (a JSON path such as <c>hyperparameters.epochs</c>), the reasons it was refused.</summary>
public sealed record JobSpecValidationResult(TrainingJobSpec? Spec, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Spec is not null && Errors.Count == 0;

    /// <summary>The network and dataset the valid spec resolves to, stored with the job.</summary>
    public JobResolution? Resolution { get; init; }
}
