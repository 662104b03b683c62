namespace TrainingService.Contracts.Sweeps;

/// <summary>One page of sweeps, newest first.</summary>
public sealed record SweepPage(IReadOnlyList<SweepResource> Items, int Page, int PageSize, int TotalCount);
