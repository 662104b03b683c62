namespace TrainingService.Web.Clients.Api;

public sealed record ModelSpecDto(string? Name, int? NumClasses);
