using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Identity;

/// <summary>Users and their API keys: the one owner of who may sign in, and as whom.</summary>
public sealed class AccountStore(IDbContextFactory<TrainingDbContext> contexts, TimeProvider time)
{
    /// <summary>How stale a key's last-used time may be; finer would turn every read into a write.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public const string FirstAdminName = "admin";
    public const string FirstKeyName = "first run";

    /// <summary>The caller a secret stands for, or null when it is malformed, unknown or revoked.</summary>
    public async Task<Caller?> AuthenticateAsync(string? secret, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.IsWellFormed(secret)) return null;
        var hash = ApiKeySecret.Hash(secret!);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new { Key = k, User = u })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;

        var now = time.GetUtcNow();
        if (found.Key.LastUsedAt is not { } used || now - used >= LastUsedResolution)
        {
            var stale = now - LastUsedResolution;
            await db.ApiKeys.Where(k => k.Id == found.Key.Id && (k.LastUsedAt == null || k.LastUsedAt < stale))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        return new Caller(found.User.Id, found.User.Name, found.User.Role, found.Key.Id, found.Key.Prefix);
    }

    /// <exception cref="DuplicateUserException">A user of that name exists.</exception>
    public async Task<CreatedUser> CreateUserAsync(string name, UserRole role, string keyName, CancellationToken cancellationToken)
    {
        var user = new UserRecord { Id = Guid.NewGuid(), Name = name, Role = role, CreatedAt = time.GetUtcNow() };
        var key = NewKey(user.Id, keyName);
        try
        {
            await contexts.InTransactionAsync(async (db, ct) =>
            {
                db.Users.Add(user);
                db.ApiKeys.Add(key.Key);
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DuplicateUserException(name);
        }
        return new CreatedUser(user, key);
    }

    /// <summary>
    /// Creates the first admin when no user exists, or returns null. The table lock makes two processes
    /// starting at once create one admin, not two.
    /// </summary>
    public Task<CreatedUser?> CreateFirstAdminAsync(CancellationToken cancellationToken) =>
        contexts.InTransactionAsync<CreatedUser?>(async (db, ct) =>
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE users IN EXCLUSIVE MODE", ct);
            if (await db.Users.AnyAsync(ct)) return null;
            var user = new UserRecord { Id = Guid.NewGuid(), Name = FirstAdminName, Role = UserRole.Admin, CreatedAt = time.GetUtcNow() };
            var key = NewKey(user.Id, FirstKeyName);
            db.Users.Add(user);
            db.ApiKeys.Add(key.Key);
            await db.SaveChangesAsync(ct);
            return new CreatedUser(user, key);
        }, cancellationToken);

    /// <returns>The new key, or null when the user does not exist.</returns>
    public async Task<CreatedKey?> CreateKeyAsync(Guid userId, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken)) return null;
        var key = NewKey(userId, name);
        db.ApiKeys.Add(key.Key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>A user's keys, newest first, revoked ones included so that a user sees what happened to them.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The key, when it exists and belongs to <paramref name="ownerFilter"/> (any user when null).</summary>
    public async Task<ApiKeyRecord?> FindKeyAsync(Guid keyId, Guid? ownerFilter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Id == keyId && (ownerFilter == null || k.UserId == ownerFilter), cancellationToken);
    }

    /// <summary>
    /// Revokes a key at once: the next request with it is refused, on every Api instance (see <see cref="KeyRevocationChannel"/>).
    /// Revoking a revoked key changes nothing.
    /// </summary>
    /// <returns>The key as stored after, or null when no such key belongs to <paramref name="ownerFilter"/>.</returns>
    public Task<ApiKeyRecord?> RevokeKeyAsync(Guid keyId, Guid? ownerFilter, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync<ApiKeyRecord?>(async (db, ct) =>
        {
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && (ownerFilter == null || k.UserId == ownerFilter), ct);
            if (key is null) return null;
            key.RevokedAt ??= time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await KeyRevocationChannel.NotifyAsync(db, key.Id, ct);
            return key;
        }, cancellationToken);

    /// <summary>Revokes every live key of a user (a reset); returns how many.</summary>
    public Task<int> RevokeAllKeysAsync(Guid userId, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = time.GetUtcNow();
            var revoked = await db.ApiKeys.Where(k => k.UserId == userId && k.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now), ct);
            await KeyRevocationChannel.NotifyAsync(db, userId, ct);
            return revoked;
        }, cancellationToken);

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync(cancellationToken);
    }

    public async Task<UserRecord?> FindUserAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    public async Task<UserRecord?> FindUserByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Name == name, cancellationToken);
    }

    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    private CreatedKey NewKey(Guid userId, string name)
    {
        var secret = ApiKeySecret.Generate();
        return new CreatedKey(new ApiKeyRecord
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            Prefix = ApiKeySecret.PrefixOf(secret),
            Hash = ApiKeySecret.Hash(secret),
            CreatedAt = time.GetUtcNow(),
        }, secret);
    }
}
