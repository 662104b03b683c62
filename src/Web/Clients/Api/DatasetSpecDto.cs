namespace TrainingService.Web.Clients.Api;

/// <param name="Id">The uploaded dataset, for <c>"name": "imagefolder"</c>.</param>
public sealed record DatasetSpecDto(string? Name, double? ValidationFraction, Guid? Id = null);
