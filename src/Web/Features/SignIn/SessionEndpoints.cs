using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrainingService.Web.Features.SignIn;

public static class SessionEndpoints
{
    /// <summary><c>POST /signout</c>: a form in the navigation bar, guarded by antiforgery like every form here.</summary>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var session = endpoints.MapGroup("").AllowAnonymous();
        // Cast: a handler taking only HttpContext would otherwise bind as a RequestDelegate and drop the redirect.
        session.MapPost("/signout", (Delegate)SignOutAsync)
            .WithName("SignOut")
            .WithSummary("Ends the dashboard session and shows the sign-in page.")
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/signin");
    }
}
