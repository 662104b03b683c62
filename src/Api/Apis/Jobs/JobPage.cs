namespace TrainingService.Api.Apis.Jobs;

/// <summary>One page of jobs, newest first.</summary>
public sealed record JobPage(IReadOnlyList<JobResource> Items, int Page, int PageSize, int TotalCount);
