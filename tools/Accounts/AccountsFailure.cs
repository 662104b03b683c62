namespace TrainingService.Accounts;

/// <summary>A well-formed command the database refuses (no such user or key, a duplicate name).</summary>
public sealed class AccountsFailure(string message) : Exception(message);
