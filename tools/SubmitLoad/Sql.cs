using Npgsql;

namespace TrainingService.SubmitLoad;

internal static class Sql
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Job rows, and those whose Hangfire job exists in the Enqueued state (no worker runs, so none has moved on).</summary>
    public static async Task<(long Stored, long Enqueued)> StoredAndEnqueuedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM hangfire.job h WHERE h.id = j."HangfireJobId"::bigint AND h.statename = 'Enqueued'))
            FROM training_jobs j
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
