namespace TrainingService.Api.Apis.Jobs;

/// <summary>One page of jobs in the order asked for; <see cref="TotalCount"/> counts every job that matches the filters.</summary>
public sealed record JobPage(IReadOnlyList<JobResource> Items, int Page, int PageSize, int TotalCount);
