namespace TrainingService.Web.Clients.Api;

/// <summary>The Api's <c>GET /health/ready</c> body: the overall status and each check behind it.</summary>
public sealed record HealthReportDto(ApiHealthStatus Status, IReadOnlyList<HealthCheckDto> Checks)
{
    /// <summary>What a 503 without a readable body still says: the Api is up but not ready.</summary>
    public static readonly HealthReportDto UnhealthyWithoutDetails = new(ApiHealthStatus.Unhealthy, []);

    public HealthCheckDto? Check(string name) =>
        Checks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
