using System.Globalization;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;

namespace TrainingService.Accounts;

/// <summary>The commands themselves, on the service's own <see cref="AccountStore"/>; a secret is written once, to <paramref name="output"/>, and nowhere else.</summary>
public sealed class AccountCommands(AccountStore accounts, TextWriter output)
{
    public const string ResetHint = "./run.sh accounts create-key admin --revoke-others";

    public Task RunAsync(Command command, CancellationToken cancellationToken) => command.Verb switch
    {
        "first-run" => FirstRunAsync(command.Option("--sign-in-url"), cancellationToken),
        "create-user" => CreateUserAsync(command.Arguments[0], command.Option("--role"), cancellationToken),
        "create-key" => CreateKeyAsync(command.Arguments[0], command.Option("--name"), command.Flag("--revoke-others"), cancellationToken),
        "list-users" => ListUsersAsync(cancellationToken),
        "list-keys" => ListKeysAsync(command.Arguments[0], cancellationToken),
        "revoke-key" => RevokeKeyAsync(command.Arguments[0], command.Arguments[1], cancellationToken),
        _ => throw new UsageException($"Unknown command '{command.Verb}'."),
    };

    private async Task FirstRunAsync(string? signInUrl, CancellationToken cancellationToken)
    {
        var webBase = signInUrl is null ? null : CheckWebBase(signInUrl);
        var created = await accounts.CreateFirstAdminAsync(cancellationToken);
        if (created is null)
        {
            output.WriteLine($"Accounts exist already. To create a key: ./run.sh accounts create-key <user>; to reset a lost admin key: {ResetHint}");
            return;
        }
        var lines = new List<string>
        {
            $"First run: created the user '{created.User.Name}' (admin) and its API key:",
            "",
            $"    {created.Key.Secret}",
            "",
        };
        if (webBase is not null)
        {
            lines.Add("Sign in to the dashboard with one click:");
            lines.Add("");
            lines.Add($"    {webBase}/signin#key={created.Key.Secret}");
            lines.Add("");
        }
        lines.Add("The key is stored only as a hash: it will NOT be shown again. Keep it now.");
        lines.Add($"Lost it? {ResetHint}");
        WriteBoxed(lines);
    }

    private async Task CreateUserAsync(string name, string? role, CancellationToken cancellationToken)
    {
        var userName = CheckUserName(name);
        var userRole = role switch
        {
            null or "member" => UserRole.Member,
            "admin" => UserRole.Admin,
            _ => throw new UsageException($"--role must be 'member' or 'admin', not '{role}'."),
        };
        CreatedUser created;
        try
        {
            created = await accounts.CreateUserAsync(userName, userRole, "default", cancellationToken);
        }
        catch (DuplicateUserException)
        {
            throw new AccountsFailure($"A user named '{userName}' exists already; create a key for it with: ./run.sh accounts create-key {userName}");
        }
        output.WriteLine($"Created the user '{created.User.Name}' ({Role(created.User.Role)}). Its API key, shown only this once:");
        output.WriteLine(created.Key.Secret);
    }

    private async Task CreateKeyAsync(string userName, string? keyName, bool revokeOthers, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var label = UserNameRules.CheckKeyName(keyName, "--name", errors);
        ThrowIfInvalid(errors);
        var user = await FindUserAsync(userName, cancellationToken);
        var created = await accounts.CreateKeyAsync(user.Id, label, cancellationToken)
            ?? throw new AccountsFailure($"The user '{user.Name}' no longer exists.");
        var revoked = 0;
        if (revokeOthers)
        {
            // The new key exists before the old ones go, so a failure halfway never leaves the user without a key.
            foreach (var key in await accounts.ListKeysAsync(user.Id, cancellationToken))
            {
                if (key.Id == created.Key.Id || key.RevokedAt is not null) continue;
                await accounts.RevokeKeyAsync(key.Id, user.Id, cancellationToken);
                revoked++;
            }
        }
        output.WriteLine($"Created the key '{created.Key.Name}' ({created.Key.Prefix}...) of '{user.Name}'"
            + (revokeOthers ? $" and revoked its {revoked} other key(s)" : "") + ". The key, shown only this once:");
        output.WriteLine(created.Secret);
    }

    private async Task ListUsersAsync(CancellationToken cancellationToken)
    {
        var users = await accounts.ListUsersAsync(cancellationToken);
        WriteTable(["name", "role", "created"], users.Select(u => new[] { u.Name, Role(u.Role), Time(u.CreatedAt) }));
    }

    private async Task ListKeysAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(userName, cancellationToken);
        var keys = await accounts.ListKeysAsync(user.Id, cancellationToken);
        WriteTable(["prefix", "name", "created", "last used", "revoked"],
            keys.Select(k => new[] { k.Prefix, k.Name, Time(k.CreatedAt), Time(k.LastUsedAt), Time(k.RevokedAt) }));
    }

    private async Task RevokeKeyAsync(string userName, string prefix, CancellationToken cancellationToken)
    {
        if (prefix.Length > ApiKeySecret.PrefixLength && ApiKeySecret.IsWellFormed(prefix))
        {
            // Someone pasted the whole secret; it would otherwise end up in their shell history as "not found".
            prefix = ApiKeySecret.PrefixOf(prefix);
        }
        if (prefix.Length != ApiKeySecret.PrefixLength || !prefix.StartsWith(ApiKeySecret.Marker, StringComparison.Ordinal))
        {
            throw new UsageException($"<prefix> is the {ApiKeySecret.PrefixLength} characters list-keys shows, starting with '{ApiKeySecret.Marker}'.");
        }
        var user = await FindUserAsync(userName, cancellationToken);
        var matches = (await accounts.ListKeysAsync(user.Id, cancellationToken)).Where(k => k.Prefix == prefix).ToList();
        switch (matches.Count)
        {
            case 0:
                throw new AccountsFailure($"'{user.Name}' has no key {prefix}; see ./run.sh accounts list-keys {user.Name}");
            case > 1 when matches.Count(k => k.RevokedAt is null) > 1:
                throw new AccountsFailure($"'{user.Name}' has several live keys starting {prefix}; reset with ./run.sh accounts create-key {user.Name} --revoke-others");
        }
        var key = matches.FirstOrDefault(k => k.RevokedAt is null) ?? matches[0];
        var revoked = await accounts.RevokeKeyAsync(key.Id, user.Id, cancellationToken);
        output.WriteLine(key.RevokedAt is null
            ? $"Revoked the key {prefix} ('{key.Name}') of '{user.Name}'."
            : $"The key {prefix} ('{key.Name}') of '{user.Name}' was revoked already, at {Time(revoked?.RevokedAt)}.");
    }

    private async Task<UserRecord> FindUserAsync(string name, CancellationToken cancellationToken)
    {
        var userName = CheckUserName(name);
        return await accounts.FindUserByNameAsync(userName, cancellationToken)
            ?? throw new AccountsFailure($"No user named '{userName}'; see ./run.sh accounts list-users");
    }

    private static string CheckUserName(string name)
    {
        var errors = new ValidationErrors();
        var checkedName = UserNameRules.Check(name, "<name>", errors);
        ThrowIfInvalid(errors);
        return checkedName!;
    }

    private static void ThrowIfInvalid(ValidationErrors errors)
    {
        if (!errors.Any) return;
        throw new UsageException(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value.Select(reason => $"{e.Key} {reason}"))));
    }

    private static string CheckWebBase(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new UsageException($"--sign-in-url must be the dashboard's http(s) base URL, such as http://127.0.0.1:5090, not '{value}'.");
        }
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private void WriteBoxed(IReadOnlyList<string> lines)
    {
        var width = lines.Max(l => l.Length);
        var rule = new string('=', width + 4);
        output.WriteLine();
        output.WriteLine(rule);
        foreach (var line in lines) output.WriteLine(line.Length == 0 ? "" : $"  {line}");
        output.WriteLine(rule);
        output.WriteLine();
    }

    private void WriteTable(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Role(UserRole role) => role.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset? at) =>
        at is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";
}
