using System.Buffers;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace TrainingService.Core.Artifacts;

/// <summary>
/// Artifacts as rows of the training database: the content in 1 MiB <c>artifact_chunks</c> of a blob id, and an
/// <c>artifacts</c> row naming the key's current blob with its size and SHA-256. A put writes its chunks and then points
/// the key at them in one transaction, so a failed put leaves nothing and readers see the old blob or the whole new one.
/// Content streams both ways one chunk at a time, never whole. Operations that can start over (everything but a put
/// from a caller's stream, which cannot be rewound, and reads inside an open stream) retry transient failures as the
/// process's <c>DatabaseResilience</c> says, since a put is atomic and every other operation reads or deletes.
/// </summary>
public sealed class PostgresArtifactStore(NpgsqlDataSource dataSource, TimeProvider clock, int maxRetryCount = 0, TimeSpan maxRetryDelay = default)
    : IArtifactStore
{
    public const int ChunkBytes = 1 << 20;

    public string? LocalPathOf(string key) => null;

    public async Task<ArtifactInfo> PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArtifactKeys.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var blob = Guid.NewGuid();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        long length = 0;
        try
        {
            await using var insert = new NpgsqlCommand("INSERT INTO artifact_chunks (blob_id, index, data) VALUES ($1, $2, $3)", connection, transaction);
            var blobParameter = new NpgsqlParameter<Guid> { TypedValue = blob };
            var indexParameter = new NpgsqlParameter<int>();
            var dataParameter = new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea };
            insert.Parameters.Add(blobParameter);
            insert.Parameters.Add(indexParameter);
            insert.Parameters.Add(dataParameter);
            for (var index = 0; ; index++)
            {
                var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false, cancellationToken);
                if (read == 0 && index > 0) break;
                hash.AppendData(buffer, 0, read);
                indexParameter.TypedValue = index;
                dataParameter.TypedValue = buffer.AsMemory(0, read);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                length += read;
                if (read < ChunkBytes) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        var replaced = await PointKeyAtAsync(connection, transaction, key, blob, length, sha256, cancellationToken);
        if (replaced is { } old)
        {
            await DeleteChunksAsync(connection, transaction, old, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ArtifactInfo(key, length, sha256);
    }

    public Task PutFileAsync(string key, string path, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () =>
        {
            await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return await PutAsync(key, source, cancellationToken);
        }, cancellationToken);

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        WithRetriesAsync(() => OpenOnceAsync(key, cancellationToken), cancellationToken);

    public Task<ArtifactInfo?> StatAsync(string key, CancellationToken cancellationToken) =>
        WithRetriesAsync(() => StatOnceAsync(key, cancellationToken), cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        WithRetriesAsync(() => DeleteOnceAsync(key, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        WithRetriesAsync(() => ListOnceAsync(prefix, cancellationToken), cancellationToken);

    public Task<ArtifactUsage> UsageAsync(string prefix, CancellationToken cancellationToken) =>
        WithRetriesAsync(() => UsageOnceAsync(prefix, cancellationToken), cancellationToken);

    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt < maxRetryCount && !cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, attempt), maxRetryDelay.TotalMilliseconds));
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private async Task<Stream?> OpenOnceAsync(string key, CancellationToken cancellationToken)
    {
        ArtifactKeys.Validate(key);
        await using var command = dataSource.CreateCommand("SELECT blob_id, size_bytes FROM artifacts WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PostgresArtifactStream(dataSource, key, reader.GetGuid(0), reader.GetInt64(1), ChunkBytes)
            : null;
    }

    private async Task<ArtifactInfo?> StatOnceAsync(string key, CancellationToken cancellationToken)
    {
        ArtifactKeys.Validate(key);
        await using var command = dataSource.CreateCommand("SELECT size_bytes, sha256 FROM artifacts WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ArtifactInfo(key, reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private async Task<bool> DeleteOnceAsync(string key, CancellationToken cancellationToken)
    {
        ArtifactKeys.Validate(key);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM artifacts WHERE key = $1 RETURNING blob_id", connection, transaction);
        delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        if (await delete.ExecuteScalarAsync(cancellationToken) is not Guid blob)
        {
            return false;
        }
        await DeleteChunksAsync(connection, transaction, blob, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<IReadOnlyList<string>> ListOnceAsync(string prefix, CancellationToken cancellationToken)
    {
        ArtifactKeys.ValidatePrefix(prefix);
        await using var command = dataSource.CreateCommand("SELECT key FROM artifacts WHERE starts_with(key, $1) ORDER BY key COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }
        return (IReadOnlyList<string>)keys;
    }

    private async Task<ArtifactUsage> UsageOnceAsync(string prefix, CancellationToken cancellationToken)
    {
        ArtifactKeys.ValidatePrefix(prefix);
        await using var command = dataSource.CreateCommand("SELECT coalesce(sum(size_bytes), 0)::bigint, count(*)::int FROM artifacts WHERE starts_with(key, $1)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ArtifactUsage(reader.GetInt64(0), reader.GetInt32(1));
    }

    /// <summary>Points the key at the new blob; returns the blob it pointed at before, whose chunks are now garbage.</summary>
    private async Task<Guid?> PointKeyAtAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, Guid blob, long length, string sha256, CancellationToken ct)
    {
        // The locking sub-select reads the row as a racing put committed it, so no replaced blob goes unnoticed.
        await using var update = new NpgsqlCommand("""
            UPDATE artifacts a SET blob_id = $2, size_bytes = $3, sha256 = $4, created_at = $5
            FROM (SELECT key, blob_id FROM artifacts WHERE key = $1 FOR UPDATE) old
            WHERE a.key = old.key
            RETURNING old.blob_id
            """, connection, transaction);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO artifacts (key, blob_id, size_bytes, sha256, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (key) DO NOTHING
            """, connection, transaction);
        foreach (var command in new[] { update, insert })
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blob });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = length });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        }
        while (true)
        {
            if (await update.ExecuteScalarAsync(ct) is Guid old) return old;
            if (await insert.ExecuteNonQueryAsync(ct) == 1) return null;
        }
    }

    private static async Task DeleteChunksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid blob, CancellationToken ct)
    {
        await using var delete = new NpgsqlCommand("DELETE FROM artifact_chunks WHERE blob_id = $1", connection, transaction);
        delete.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blob });
        await delete.ExecuteNonQueryAsync(ct);
    }
}
