using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>
/// The last step of storing a job for an API key with a limit on its active jobs: within the caller's transaction,
/// after the job's row is written, takes the key's advisory lock, counts the key's queued, running and paused jobs
/// (the new one included, up to one past the limit) and announces the job only when the count is within the limit.
/// </summary>
/// <remarks>
/// Every submission of one key waits for that lock, so its hold is the key's submission capacity. The lock is taken
/// last and the three steps go as one batch, so it is held for one round trip and the commit rather than for the
/// insert's round trips as well. The count is its own statement after the lock's: under READ COMMITTED it then sees
/// every job committed by whoever held the lock before.
/// </remarks>
internal static class KeyActiveJobsCheck
{
    private static readonly string[] ActiveStatuses = [nameof(JobStatus.Queued), nameof(JobStatus.Running), nameof(JobStatus.Paused)];

    /// <returns>
    /// The key's active jobs, the new one included, counted up to <paramref name="maxActive"/> + 1 (all the decision needs,
    /// so a key's cost does not grow with its jobs); the job was announced when this is at most <paramref name="maxActive"/>.
    /// </returns>
    public static async Task<int> LockCountAndAnnounceAsync(TrainingDbContext db, Guid keyId, int maxActive, TrainingEvent announcement,
        CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The active-jobs check must run in the transaction that stores the job.");
        if (connection.State != ConnectionState.Open) throw new InvalidOperationException("The job's row must be written first.");

        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))") { Parameters = { new() { Value = keyId.ToString("D") } } },
                new NpgsqlBatchCommand("""
                    SELECT active.n FROM (
                        SELECT count(*)::int AS n FROM (
                            SELECT FROM training_jobs WHERE "ApiKeyId" = $1 AND "Status" = ANY($2) LIMIT $3 + 1) AS capped) AS active
                    LEFT JOIN LATERAL (SELECT pg_notify($4, $5) WHERE active.n <= $3) AS announced ON true
                    """)
                {
                    Parameters =
                    {
                        new() { Value = keyId },
                        new() { Value = ActiveStatuses },
                        new() { Value = maxActive },
                        new() { Value = TrainingEvent.Channel },
                        new() { Value = TrainingEventNotifier.Serialize(announcement) },
                    },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException("The active-jobs count returned no row.");
        return reader.GetInt32(0);
    }
}
