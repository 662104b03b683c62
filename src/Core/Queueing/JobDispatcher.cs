using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Queueing;

/// <summary>
/// Gives every queued job that has none a Hangfire job: the job row is the outbox. A job enters
/// <see cref="JobStatus.Queued"/> (submitted, resumed, handed back, restarted) without a Hangfire job,
/// and whoever dispatches first (the submitting request, or any process's sweep) enqueues it under a
/// row lock. A crash after the enqueue and before the commit only enqueues twice, which the runner's
/// claim on the job row makes harmless.
/// </summary>
public sealed class JobDispatcher(IDbContextFactory<TrainingDbContext> contexts, IBackgroundJobClient hangfire)
{
    private const int BatchSize = 50;

    /// <summary>Dispatches one job (right after it was stored) or, with null, every pending one.</summary>
    public Task<int> DispatchAsync(Guid? jobId, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var pending = await (jobId is { } id
                    ? db.Jobs.FromSql($"""SELECT * FROM training_jobs WHERE "Id" = {id} AND "Status" = 'Queued' AND "HangfireJobId" IS NULL FOR UPDATE SKIP LOCKED""")
                    : db.Jobs.FromSql($"""SELECT * FROM training_jobs WHERE "Status" = 'Queued' AND "HangfireJobId" IS NULL ORDER BY "CreatedAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED"""))
                .ToListAsync(ct);
            foreach (var job in pending)
            {
                job.HangfireJobId = hangfire.Enqueue<ITrainingJobRunner>(runner => runner.RunAsync(job.Id, CancellationToken.None));
            }
            await db.SaveChangesAsync(ct);
            return pending.Count;
        }, cancellationToken);
}
