using Hangfire;
using Hangfire.Dashboard;

namespace TrainingService.Api.Extensions;

/// <summary>Middleware and the non-API endpoints of the Api process.</summary>
public static class ApplicationPipelineExtensions
{
    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "Training service API");
    }

    /// <summary>Read-only: jobs are managed through the API so that our job rows and Hangfire never disagree.</summary>
    public static void MapTrainingHangfireDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            IsReadOnlyFunc = _ => true,
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Training jobs",
        });
}
