namespace TrainingService.Core.Identity;

/// <summary>A person or a service account; it signs in only through its API keys.</summary>
public sealed class UserRecord
{
    public Guid Id { get; set; }

    /// <summary>Unique, compared as written (<see cref="UserNameRules"/> allows lower case only).</summary>
    public required string Name { get; set; }

    public UserRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
