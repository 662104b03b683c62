using TrainingService.Web.Components;
using TrainingService.Web.Features.Downloads;
using TrainingService.Web.Features.SignIn;
using TrainingService.Web.Security;

namespace TrainingService.Web.Extensions;

public static class WebApplicationExtensions
{
    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        app.UseRequestGuards();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // The sign-in page needs its script, styles and icon before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/health", () => TypedResults.Text("Healthy"))
            .WithName("WebHealth")
            .WithSummary("The dashboard process answers; says nothing about the Api.")
            .AllowAnonymous();
        app.MapSessionEndpoints();
        app.MapDownloadEndpoints();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();

        return app;
    }
}
