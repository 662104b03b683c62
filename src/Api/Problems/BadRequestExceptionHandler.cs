using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using TrainingService.Api.Apis.Shared;

namespace TrainingService.Api.Problems;

/// <summary>
/// A request the framework could not read: a query or route value that does not bind (400 naming it), a body
/// that is not the JSON the endpoint takes (400 naming the field), a body past its size limit (413 with the
/// limit), a wrong media type (415), or whatever else Kestrel refused, with its status.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge => TooLarge(context, tooLarge),
            BadHttpRequestException { InnerException: JsonException json } => NotTheBody(context, json),
            BadHttpRequestException bad => Refused(bad),
            JsonException json => NotTheBody(context, json),
            _ => null,
        };
        if (problem is null) return false;
        if (problem.Status == StatusCodes.Status413PayloadTooLarge && context.Features.Get<OversizedBodyDrain>() is { } drain)
        {
            await drain.DrainAsync(cancellationToken);
            context.Response.Headers.Connection = "close";
        }
        logger.LogDebug(exception, "Request refused with {Status}", problem.Status);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails TooLarge(HttpContext context, BadHttpRequestException exception) =>
        RequestTooLargeProblem.Create(context, context.Features.Get<RequestBodyLimit>()?.MaxBytes
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            ?? (LimitInMessage().Match(exception.Message) is { Success: true } match ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null));

    private static HttpValidationProblemDetails NotTheBody(HttpContext context, JsonException exception) =>
        new(JsonErrors.Describe(exception, context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid.",
        };

    private static ProblemDetails Refused(BadHttpRequestException exception) =>
        BindingFailure.Describe(exception.Message) is { } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Key] = field.Value })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more request values are not valid.",
            }
            : new ProblemDetails
            {
                Status = exception.StatusCode,
                Title = ReasonPhrases.GetReasonPhrase(exception.StatusCode),
                // The framework's own words about the request (not about the server), such as "Unexpected end of request content."
                Detail = exception.Message,
            };

    [GeneratedRegex(@"max request body size is (\d+) bytes")]
    private static partial Regex LimitInMessage();
}
