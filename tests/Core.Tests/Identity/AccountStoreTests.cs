using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;
using TrainingService.Tests.Shared;

namespace TrainingService.Core.Tests.Identity;

/// <summary>The account store on a fresh, migrated PostgreSQL database.</summary>
public sealed class AccountStoreTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private AccountStore _accounts = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var contexts = new Contexts(_database.ConnectionString);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        _accounts = new AccountStore(contexts, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_new_users_key_authenticates_as_that_user_and_only_its_hash_is_stored()
    {
        var created = await _accounts.CreateUserAsync("alice", UserRole.Member, "laptop", CancellationToken.None);

        var caller = await _accounts.AuthenticateAsync(created.Key.Secret, CancellationToken.None);

        Assert.Equal(new Caller(created.User.Id, "alice", UserRole.Member, created.Key.Key.Id, ApiKeySecret.PrefixOf(created.Key.Secret)), caller);
        var rows = await ReadAllKeyColumnsAsync();
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, value => value.Contains(created.Key.Secret[ApiKeySecret.PrefixLength..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_or_malformed_key_authenticates_nobody()
    {
        await _accounts.CreateUserAsync("alice", UserRole.Member, "laptop", CancellationToken.None);

        Assert.Null(await _accounts.AuthenticateAsync(ApiKeySecret.Generate(), CancellationToken.None));
        Assert.Null(await _accounts.AuthenticateAsync("not a key", CancellationToken.None));
        Assert.Null(await _accounts.AuthenticateAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_next_request_on()
    {
        var created = await _accounts.CreateUserAsync("alice", UserRole.Member, "laptop", CancellationToken.None);

        var revoked = await _accounts.RevokeKeyAsync(created.Key.Key.Id, created.User.Id, CancellationToken.None);

        Assert.NotNull(revoked?.RevokedAt);
        Assert.Null(await _accounts.AuthenticateAsync(created.Key.Secret, CancellationToken.None));
    }

    [Fact]
    public async Task A_member_cannot_revoke_another_users_key()
    {
        var alice = await _accounts.CreateUserAsync("alice", UserRole.Member, "laptop", CancellationToken.None);
        var bob = await _accounts.CreateUserAsync("bob", UserRole.Member, "laptop", CancellationToken.None);

        Assert.Null(await _accounts.RevokeKeyAsync(alice.Key.Key.Id, bob.User.Id, CancellationToken.None));
        Assert.Null(await _accounts.FindKeyAsync(alice.Key.Key.Id, bob.User.Id, CancellationToken.None));
        Assert.NotNull(await _accounts.AuthenticateAsync(alice.Key.Secret, CancellationToken.None));
    }

    [Fact]
    public async Task Resetting_a_user_revokes_every_key_they_hold_and_a_new_key_works()
    {
        var alice = await _accounts.CreateUserAsync("alice", UserRole.Member, "laptop", CancellationToken.None);
        var second = await _accounts.CreateKeyAsync(alice.User.Id, "ci", CancellationToken.None);

        Assert.Equal(2, await _accounts.RevokeAllKeysAsync(alice.User.Id, CancellationToken.None));
        var fresh = await _accounts.CreateKeyAsync(alice.User.Id, "new", CancellationToken.None);

        Assert.Null(await _accounts.AuthenticateAsync(alice.Key.Secret, CancellationToken.None));
        Assert.Null(await _accounts.AuthenticateAsync(second!.Secret, CancellationToken.None));
        Assert.Equal(alice.User.Id, (await _accounts.AuthenticateAsync(fresh!.Secret, CancellationToken.None))?.UserId);
        Assert.Equal(3, (await _accounts.ListKeysAsync(alice.User.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Two_users_cannot_have_the_same_name()
    {
        await _accounts.CreateUserAsync("alice", UserRole.Member, "laptop", CancellationToken.None);

        await Assert.ThrowsAsync<DuplicateUserException>(() =>
            _accounts.CreateUserAsync("alice", UserRole.Admin, "other", CancellationToken.None));
        Assert.Single(await _accounts.ListUsersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_first_admin_is_created_once_even_when_two_starts_race()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _accounts.CreateFirstAdminAsync(CancellationToken.None)));

        var created = Assert.Single(results, r => r is not null);
        Assert.Equal(UserRole.Admin, created!.User.Role);
        Assert.Equal(AccountStore.FirstAdminName, created.User.Name);
        Assert.Null(await _accounts.CreateFirstAdminAsync(CancellationToken.None));
        Assert.Single(await _accounts.ListUsersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var alice = await _accounts.CreateUserAsync("alice", UserRole.Member, "laptop", CancellationToken.None);
        Assert.Null((await _accounts.FindKeyAsync(alice.Key.Key.Id, null, CancellationToken.None))!.LastUsedAt);

        await _accounts.AuthenticateAsync(alice.Key.Secret, CancellationToken.None);
        var first = (await _accounts.FindKeyAsync(alice.Key.Key.Id, null, CancellationToken.None))!.LastUsedAt;
        await _accounts.AuthenticateAsync(alice.Key.Secret, CancellationToken.None);
        var second = (await _accounts.FindKeyAsync(alice.Key.Key.Id, null, CancellationToken.None))!.LastUsedAt;

        Assert.NotNull(first);
        Assert.Equal(first, second);
    }

    private async Task<List<string>> ReadAllKeyColumnsAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(k)::text FROM api_keys k", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private sealed class Contexts(string connectionString) : IDbContextFactory<TrainingDbContext>
    {
        public TrainingDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(connectionString).Options);
    }
}
