namespace TrainingService.Api.Problems;

/// <summary>The limit <see cref="RequestBodyLimitMiddleware"/> counts a chunked body against, for the 413 to name.</summary>
public sealed record RequestBodyLimit(long MaxBytes);
