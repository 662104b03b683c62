using System.Data;
using Npgsql;

namespace TrainingService.Core.Artifacts;

/// <summary>
/// A read-only, seekable view of one blob of <see cref="PostgresArtifactStore"/> that holds one chunk at a time,
/// fetched by its index when a read reaches it.
/// </summary>
internal sealed class PostgresArtifactStream(NpgsqlDataSource dataSource, string key, Guid blob, long length, int chunkBytes) : Stream
{
    private readonly byte[] chunk = new byte[chunkBytes];
    private int chunkIndex = -1;
    private int chunkLength;
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must not be negative");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= length || buffer.Length == 0) return 0;
        var index = (int)(position / chunkBytes);
        if (index != chunkIndex) Load(index);
        return CopyOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= length || buffer.Length == 0) return 0;
        var index = (int)(position / chunkBytes);
        if (index != chunkIndex) await LoadAsync(index, cancellationToken);
        return CopyOut(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int CopyOut(Span<byte> buffer)
    {
        var within = (int)(position - (long)chunkIndex * chunkBytes);
        var count = Math.Min(buffer.Length, chunkLength - within);
        if (count <= 0) throw Damaged();
        chunk.AsSpan(within, count).CopyTo(buffer);
        position += count;
        return count;
    }

    private void Load(int index)
    {
        using var command = Command(index);
        using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
        if (!reader.Read()) throw Damaged();
        Accept(index, reader);
    }

    private async Task LoadAsync(int index, CancellationToken ct)
    {
        await using var command = Command(index);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct)) throw Damaged();
        Accept(index, reader);
    }

    private NpgsqlCommand Command(int index)
    {
        var command = dataSource.CreateCommand("SELECT data FROM artifact_chunks WHERE blob_id = $1 AND index = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blob });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = index });
        return command;
    }

    private void Accept(int index, NpgsqlDataReader reader)
    {
        chunkIndex = -1;
        var filled = 0;
        long read;
        while (filled < chunk.Length && (read = reader.GetBytes(0, filled, chunk, filled, chunk.Length - filled)) > 0)
        {
            filled += (int)read;
        }
        chunkLength = filled;
        chunkIndex = index;
    }

    private IOException Damaged() => new($"Artifact '{key}' was replaced or deleted while it was being read, or its chunks are incomplete.");
}
