namespace TrainingService.Api.Problems;

/// <summary>Marks endpoints that cannot answer without PostgreSQL, so a closed <see cref="DatabaseAvailability"/> gate answers 503 for them.</summary>
public sealed class RequiresDatabaseMetadata;
