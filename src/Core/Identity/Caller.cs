namespace TrainingService.Core.Identity;

/// <summary>Who is making a request, as established from their API key.</summary>
public sealed record Caller(Guid UserId, string UserName, UserRole Role, Guid KeyId, string KeyPrefix)
{
    public bool IsAdmin => Role == UserRole.Admin;

    /// <summary>
    /// Whether the caller may see something owned by <paramref name="ownerId"/>. Rows from before owners
    /// existed have none and are the admins' alone.
    /// </summary>
    public bool MaySee(Guid? ownerId) => IsAdmin || ownerId == UserId;

    /// <summary>The owner to filter on: null for an admin, who sees everything.</summary>
    public Guid? OwnerFilter => IsAdmin ? null : UserId;
}
