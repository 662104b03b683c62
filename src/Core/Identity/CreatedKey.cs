namespace TrainingService.Core.Identity;

/// <summary>A key just made: the only moment its secret exists outside its holder's hands.</summary>
public sealed record CreatedKey(ApiKeyRecord Key, string Secret);

/// <summary>A user just made, with their first key.</summary>
public sealed record CreatedUser(UserRecord User, CreatedKey Key);
