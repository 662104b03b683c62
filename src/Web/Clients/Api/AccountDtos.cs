namespace TrainingService.Web.Clients.Api;

/// <summary>The caller as <c>GET /api/me</c> describes them: who the key belongs to and which key it is.</summary>
public sealed record MeDto(Guid Id, string Name, string Role, MeKeyDto Key);

/// <summary>The key a request was signed with; never the secret.</summary>
public sealed record MeKeyDto(Guid Id, string Name, string Prefix);

/// <summary>One of a user's keys as <c>GET /api/keys</c> lists it: the prefix identifies it, the secret is never sent again.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created; <see cref="Secret"/> is in this answer only.</summary>
public sealed record CreatedKeyDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string Secret);

/// <summary>A user as <c>GET /api/users</c> lists them; <see cref="Role"/> is <c>admin</c> or <c>member</c>.</summary>
public sealed record UserDto(Guid Id, string Name, string Role, DateTimeOffset CreatedAt);

/// <summary>A user just created with their first key.</summary>
public sealed record CreatedUserDto(UserDto User, CreatedKeyDto Key);
