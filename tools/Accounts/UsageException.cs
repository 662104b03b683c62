namespace TrainingService.Accounts;

/// <summary>The command line cannot be carried out as given; the message says what is wrong, then the usage follows.</summary>
public sealed class UsageException(string message) : Exception(message);
