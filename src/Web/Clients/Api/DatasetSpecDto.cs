namespace TrainingService.Web.Clients.Api;

public sealed record DatasetSpecDto(string? Name, double? ValidationFraction);
