using TrainingService.Contracts.Storage;
using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Jobs;

/// <summary>The list as the prerender read it, for the interactive render of the same query (<see cref="Shared.PrerenderHandoff"/>).</summary>
public sealed record JobsPageSnapshot(string Query, PagedResult<JobDto> Jobs, StorageUsageResource? Storage);
