using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;

namespace TrainingService.Tests.Shared;

/// <summary>
/// Users and keys written straight into a test database with the service's own <see cref="AccountStore"/>,
/// so that a test holds a key without starting a second host. Migrates first, which is a no-op on a
/// database the service has already migrated.
/// </summary>
public static class TestAccounts
{
    public static async Task<CreatedUser> CreateUserAsync(string connectionString, string name, UserRole role = UserRole.Member)
    {
        var contexts = new ContextFactory(connectionString);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        return await new AccountStore(contexts, TimeProvider.System).CreateUserAsync(name, role, "tests", CancellationToken.None);
    }

    public static AccountStore Store(string connectionString) => new(new ContextFactory(connectionString), TimeProvider.System);

    private sealed class ContextFactory(string connectionString) : IDbContextFactory<TrainingDbContext>
    {
        public TrainingDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(connectionString).Options);
    }
}
