namespace TrainingService.Api.Apis.Accounts;

/// <summary>The body of <c>POST /api/keys</c> and <c>POST /api/users/{id}/keys</c>: a label for the key's holder ("laptop", "ci"), "default" when left out.</summary>
public sealed record KeyCreation(string? Name);

/// <summary>
/// The body of <c>POST /api/users</c>: a name of lower-case letters, digits, '.', '_' and '-' that starts with a letter or
/// digit (at most 64 characters), and a role, <c>member</c> (the default) or <c>admin</c>.
/// </summary>
public sealed record UserCreation(string? Name, string? Role);
