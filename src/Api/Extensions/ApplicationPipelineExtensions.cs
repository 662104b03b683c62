using Hangfire;
using TrainingService.Api.Identity;
using TrainingService.Api.Problems;

namespace TrainingService.Api.Extensions;

/// <summary>Middleware and the non-API endpoints of the Api process.</summary>
public static class ApplicationPipelineExtensions
{
    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ShuttingDownMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<OriginCheckMiddleware>();
        app.UseRouting();
        app.UseCors();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<DatabaseGateMiddleware>();
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "Training service API");
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization, so that the per-key partitions see the caller and a request without a key never counts.
        app.UseRateLimiter();
    }

    /// <summary>
    /// Read-only: jobs are managed through the API so that our job rows and Hangfire never disagree. Admins only,
    /// local or not, as an endpoint with a policy of its own whose challenge is Basic, so a browser can sign in.
    /// </summary>
    public static void MapTrainingHangfireDashboard(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HangfirePath), branch => branch.UseMiddleware<HangfireFormGuard>());
        app.MapHangfireDashboard(HangfirePath, new DashboardOptions
        {
            IsReadOnlyFunc = _ => true,
            Authorization = [new AdminDashboardAuthorizationFilter()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Training jobs",
        }).RequireAuthorization(ApiKeyAuthentication.DashboardPolicy);
    }

    private const string HangfirePath = "/hangfire";
}
