namespace TrainingService.Web.Clients.Api;

/// <summary>One readiness check, e.g. <c>database</c> or <c>workers</c>, as the Api reports it.</summary>
public sealed record HealthCheckDto(string Name, ApiHealthStatus Status, string? Description, double DurationMs);
