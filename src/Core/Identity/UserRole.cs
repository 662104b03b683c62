namespace TrainingService.Core.Identity;

/// <summary>What a user may do: a member acts on what they own; an admin sees everything and manages users.</summary>
public enum UserRole
{
    Member,
    Admin,
}
