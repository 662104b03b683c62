namespace TrainingService.Core.Identity;

/// <summary>
/// One API key as stored: its SHA-256 and its first characters, never the secret. A random 256-bit
/// secret needs no slow hash: nothing short of the secret itself finds a preimage.
/// </summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first <see cref="ApiKeySecret.PrefixLength"/> characters, so a user can tell their keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret; unique.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Refreshed at most once per <see cref="AccountStore.LastUsedResolution"/>, so reads do not all write.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
