namespace TrainingService.Api.Apis.Accounts;

/// <summary>The caller of <c>GET /api/me</c>: who the key stands for, and which key it is.</summary>
public sealed record CallerResource(Guid Id, string Name, string Role, CallerKeyResource Key);

public sealed record CallerKeyResource(Guid Id, string Name, string Prefix);

/// <summary>A key as listed: its prefix tells keys apart; the secret is never shown again.</summary>
public sealed record KeyResource(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created, with its secret: the one answer that ever carries it.</summary>
public sealed record CreatedKeyResource(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string Secret);

/// <summary>A user; <c>role</c> is <c>admin</c> or <c>member</c>.</summary>
public sealed record UserResource(Guid Id, string Name, string Role, DateTimeOffset CreatedAt);

public sealed record CreatedUserResource(UserResource User, CreatedKeyResource Key);
