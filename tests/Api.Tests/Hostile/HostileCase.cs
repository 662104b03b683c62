namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// One request a hostile or careless client might send, and what the Api must answer: a status (or any
/// 4xx where the exact one is the endpoint's choice) and, for a validation problem, the field it names.
/// </summary>
/// <param name="Path">The request path; <c>{job}</c> stands for a stored job with a best checkpoint.</param>
/// <param name="Field">A key of the problem's <c>errors</c> must equal this or start with it followed by '.' or '['.</param>
/// <param name="RefusedByKestrel">
/// Kestrel refuses the request line itself (a NUL in the path) with a bare 400 before any middleware runs, so there are no problem details to check.
/// </param>
public sealed record HostileCase(string Name, HttpMethod Method, string Path, Func<HttpContent?> Body, int Status, string? Field = null, bool RefusedByKestrel = false)
{
    /// <summary>Stands for "any 4xx": the endpoint may choose, as long as it refuses with problem details.</summary>
    public const int AnyClientError = 4;

    public override string ToString() => Name;
}
