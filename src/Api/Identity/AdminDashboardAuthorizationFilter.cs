using Hangfire.Dashboard;

namespace TrainingService.Api.Identity;

/// <summary>
/// Hangfire's own check, behind the endpoint's admin policy: with it, the dashboard stays closed even if it were
/// ever mapped without the policy (Hangfire's default, local requests only, would let any local member in).
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.TryGetCaller()?.IsAdmin == true;
}
