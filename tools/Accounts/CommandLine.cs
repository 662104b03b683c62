namespace TrainingService.Accounts;

/// <summary>
/// Parses <c>verb [arguments] [--option value] [--flag]</c> against the table of verbs, refusing what a verb
/// does not take, so that a typo never runs a different command than the one meant.
/// </summary>
public static class CommandLine
{
    private sealed record Verb(string Name, string[] Arguments, string[] ValueOptions, string[] Flags, string Summary);

    private static readonly Verb[] Verbs =
    [
        new("first-run", [], ["--sign-in-url"], [], "creates the admin and prints its key once, when no user exists"),
        new("create-user", ["<name>"], ["--role"], [], "creates a user (role member or admin, default member) and prints its first key"),
        new("create-key", ["<user>"], ["--name"], ["--revoke-others"], "prints a new key of the user; --revoke-others revokes every other key (a reset)"),
        new("list-users", [], [], [], "lists the users"),
        new("list-keys", ["<user>"], [], [], "lists the user's keys: prefix, name, created, last used, revoked (never the secret)"),
        new("revoke-key", ["<user>", "<prefix>"], [], [], "revokes the user's key with that prefix"),
    ];

    public static string Usage { get; } = BuildUsage();

    public static Command Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new UsageException("No command given.");
        var verb = Verbs.SingleOrDefault(v => v.Name == args[0])
            ?? throw new UsageException($"Unknown command '{args[0]}'.");
        var arguments = new List<string>();
        var options = new Dictionary<string, string?>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                arguments.Add(arg);
                continue;
            }
            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (arg[..at], arg[(at + 1)..]) : (arg, null);
            if (options.ContainsKey(name)) throw new UsageException($"{name} is given twice.");
            if (verb.Flags.Contains(name))
            {
                if (inline is not null) throw new UsageException($"{name} takes no value.");
                options[name] = null;
            }
            else if (verb.ValueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value."));
                options[name] = value;
            }
            else
            {
                throw new UsageException($"{verb.Name} has no option {name}.");
            }
        }
        if (arguments.Count != verb.Arguments.Length)
        {
            throw new UsageException(verb.Arguments.Length == 0
                ? $"{verb.Name} takes no arguments."
                : $"{verb.Name} takes {string.Join(' ', verb.Arguments)}.");
        }
        return new Command(verb.Name, arguments, options);
    }

    private static string BuildUsage()
    {
        var lines = new List<string> { "usage: accounts <command> [arguments] [options]", "" };
        foreach (var verb in Verbs)
        {
            var shape = string.Join(' ', new[] { verb.Name }
                .Concat(verb.Arguments)
                .Concat(verb.ValueOptions.Select(o => $"[{o} <{o.TrimStart('-')}>]"))
                .Concat(verb.Flags.Select(f => $"[{f}]")));
            lines.Add($"  {shape}");
            lines.Add($"      {verb.Summary}");
        }
        lines.Add("");
        lines.Add("Reads the database from ConnectionStrings__TrainingDb and migrates it first.");
        lines.Add("Exit status: 0 done, 1 refused or failed (no such user or key, duplicate name, database unreachable), 2 bad usage.");
        return string.Join(Environment.NewLine, lines);
    }
}
