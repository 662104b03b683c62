using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Apis.Shared;
using TrainingService.Core.Jobs;

namespace TrainingService.Api.Apis.Accounts;

/// <summary>
/// Reads an accounts request body as the job endpoints read theirs: JSON only, unknown fields refused, every
/// failure a validation problem naming the field. An empty body stands for <c>{}</c>, so that
/// <c>curl -X POST /api/keys</c> makes a key named "default".
/// </summary>
internal sealed record AccountRequestBody<T>(T? Value, ValidationProblem? Invalid, ProblemHttpResult? Unsupported) where T : class
{
    public static async Task<AccountRequestBody<T>> ReadAsync(HttpRequest request, string example, Func<T> empty, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.ContentType is null && !request.Headers.TransferEncoding.Any()))
        {
            return new(empty(), null, null);
        }
        if (!request.HasJsonContentType())
        {
            return new(null, null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: $"Send the request as application/json, such as {example}."));
        }
        try
        {
            var body = await request.ReadFromJsonAsync<T>(JobSpecJson.Options, cancellationToken);
            return body is null ? Refused(new() { ["$"] = [$"must be an object such as {example}."] }) : new(body, null, null);
        }
        catch (JsonException exception)
        {
            return Refused(JsonErrors.Describe(exception, typeof(T), new Dictionary<string, string>(StringComparer.Ordinal) { ["$"] = $"must be an object such as {example}." }));
        }
    }

    private static AccountRequestBody<T> Refused(Dictionary<string, string[]> errors) =>
        new(null, TypedResults.ValidationProblem(errors, title: "The request body is not valid."), null);
}
