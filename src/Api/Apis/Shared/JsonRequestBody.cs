using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Core.Jobs;

namespace TrainingService.Api.Apis.Shared;

/// <summary>
/// A request body read rather than bound, so that malformed JSON, unknown fields and wrong types come back as validation
/// problems naming the field: the value (null for a JSON <c>null</c>, which the endpoint's own rules refuse), or the
/// 415 for a body that is not JSON, or the 400.
/// </summary>
internal sealed record JsonRequestBody<T>(T? Value, ProblemHttpResult? Unsupported, ValidationProblem? Invalid) where T : class
{
    public bool IsRead => Unsupported is null && Invalid is null;

    /// <param name="request">The request whose body is read.</param>
    /// <param name="unsupportedDetail">What the 415 says, e.g. "Send the sweep as application/json."</param>
    /// <param name="invalidTitle">The 400's title, e.g. "The request body is not a valid sweep."</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <param name="bodyType">The type whose members name the fields of a JSON error; null for the message's path alone.</param>
    /// <param name="forms">The form a field takes, said when its value has the wrong type.</param>
    public static async Task<JsonRequestBody<T>> ReadAsync(HttpRequest request, string unsupportedDetail, string invalidTitle,
        CancellationToken cancellationToken, Type? bodyType = null, IReadOnlyDictionary<string, string>? forms = null)
    {
        if (!request.HasJsonContentType())
        {
            return new(null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: unsupportedDetail), null);
        }
        try
        {
            return new(await request.ReadFromJsonAsync<T>(JobSpecJson.Options, cancellationToken), null, null);
        }
        catch (JsonException exception)
        {
            return new(null, null, TypedResults.ValidationProblem(JsonErrors.Describe(exception, bodyType, forms), title: invalidTitle));
        }
    }
}
