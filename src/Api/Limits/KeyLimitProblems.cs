using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace TrainingService.Api.Limits;

/// <summary>The one shape of a 429: problem details naming the limit, and <c>Retry-After</c> in whole seconds.</summary>
public static class KeyLimitProblems
{
    public const string LimitExtension = "limit";

    public static ProblemHttpResult TooMany(HttpResponse response, string limit, string detail, TimeSpan retryAfter)
    {
        response.Headers[HeaderNames.RetryAfter] = Seconds(retryAfter);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests for this API key",
            Detail = detail,
            Extensions = { [LimitExtension] = limit },
        });
    }

    public static string Seconds(TimeSpan retryAfter) =>
        Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
