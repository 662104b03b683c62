using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace TrainingService.Api.Problems;

/// <summary>The one 413 answer, whether the declared length or the bytes read passed the endpoint's limit.</summary>
public static class RequestTooLargeProblem
{
    public static ProblemDetails Create(HttpContext context, long? limit) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large",
        Detail = limit is null ? "The request body is larger than this endpoint accepts."
            : $"A request to {context.Request.Path} may carry at most {limit.Value.ToString(CultureInfo.InvariantCulture)} bytes; this one is larger.",
    };
}
