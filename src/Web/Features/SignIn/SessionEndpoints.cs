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
        session.MapPost("/signout", SignOutAsync)
            .WithName("SignOut")
            .WithSummary("Ends the dashboard session and shows the sign-in page.")
            .DisableAntiforgery();
        return endpoints;
    }

    // The handler binds no form, so nothing would check the token the middleware read: it is checked here. A forged
    // sign-out is harmless but for the annoyance; it is refused all the same.
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid",
                detail: "__RequestVerificationToken: sign out with the button on a dashboard page.");
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/signin");
    }
}
