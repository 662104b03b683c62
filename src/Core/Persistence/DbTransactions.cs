using Microsoft.EntityFrameworkCore;

namespace TrainingService.Core.Persistence;

/// <summary>
/// Runs work in one transaction under the context's execution strategy, so a dropped pooled
/// connection (a PostgreSQL restart) retries the whole unit instead of failing the job.
/// </summary>
public static class DbTransactions
{
    public static Task<T> InTransactionAsync<T>(this IDbContextFactory<TrainingDbContext> factory,
        Func<TrainingDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var probe = factory.CreateDbContext();
        var strategy = probe.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(db, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
