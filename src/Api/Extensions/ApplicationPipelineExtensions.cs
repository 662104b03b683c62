using Hangfire;
using Hangfire.Dashboard;
using TrainingService.Api.Problems;

namespace TrainingService.Api.Extensions;

/// <summary>Middleware and the non-API endpoints of the Api process.</summary>
public static class ApplicationPipelineExtensions
{
    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseMiddleware<ShuttingDownMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<DatabaseGateMiddleware>();
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "Training service API");
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization, so that the per-key partitions see the caller and a request without a key never counts.
        app.UseRateLimiter();
    }

    /// <summary>Read-only: jobs are managed through the API so that our job rows and Hangfire never disagree.</summary>
    public static void MapTrainingHangfireDashboard(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HangfirePath), branch => branch.UseMiddleware<HangfireFormGuard>());
        app.UseHangfireDashboard(HangfirePath, new DashboardOptions
        {
            IsReadOnlyFunc = _ => true,
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Training jobs",
        });
    }

    private const string HangfirePath = "/hangfire";
}
