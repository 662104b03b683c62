using Microsoft.AspNetCore.Mvc;

namespace TrainingService.Api.Problems;

/// <summary>
/// Hangfire's dashboard reads every POST as a form and throws when there is none. The form is read here
/// first, so a POST without one is refused with 415 or 400 problem details, and Hangfire reads the
/// already-parsed form.
/// </summary>
public sealed class HangfireFormGuard(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }
        if (!context.Request.HasFormContentType)
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "The dashboard takes application/x-www-form-urlencoded or multipart/form-data.");
            return;
        }
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The form cannot be read", "The request body is not a well-formed form.");
            return;
        }
        await next(context);
    }

    private Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
