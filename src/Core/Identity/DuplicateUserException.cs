namespace TrainingService.Core.Identity;

/// <summary>A user of that name exists already.</summary>
public sealed class DuplicateUserException(string name) : Exception($"A user named '{name}' exists already.")
{
    public string Name { get; } = name;
}
