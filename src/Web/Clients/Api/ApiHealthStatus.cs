namespace TrainingService.Web.Clients.Api;

/// <summary>The Api's health check outcomes, named as ASP.NET Core's <c>HealthStatus</c> (serialised as a string).</summary>
public enum ApiHealthStatus
{
    Unhealthy,
    Degraded,
    Healthy,
}
