namespace TrainingService.Accounts;

/// <summary>One parsed command line: the verb, its positional arguments and its options.</summary>
public sealed record Command(string Verb, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Options)
{
    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => Options.ContainsKey(name);
}
