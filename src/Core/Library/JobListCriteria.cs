using TrainingService.Contracts.Jobs;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Library;

/// <summary>
/// A checked <see cref="JobListQuery"/>: every filter is optional and they combine with AND; <see cref="Sort"/> is one of
/// <see cref="JobListSort.All"/>. Ties always fall to the newest job first, so a page is stable.
/// </summary>
public sealed record JobListCriteria
{
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    public IReadOnlyList<JobStatus> Statuses { get; init; } = [];
    public string? Model { get; init; }
    public string? Dataset { get; init; }
    public string? Tag { get; init; }
    public Guid? Sweep { get; init; }

    /// <summary>Matched, case-insensitively and literally (no wildcards), against the name, the note and each tag.</summary>
    public string? Text { get; init; }

    public string Sort { get; init; } = JobListSort.Active;
    public bool Descending { get; init; }
}
