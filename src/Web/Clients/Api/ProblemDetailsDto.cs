namespace TrainingService.Web.Clients.Api;

/// <summary>The RFC 7807 body the Api sends with a refusal such as <c>404</c> or <c>409</c>; validation problems add <see cref="Errors"/>.</summary>
public sealed record ProblemDetailsDto(string? Title, string? Detail)
{
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
