namespace TrainingService.Core.Tests.Artifacts;

/// <summary>
/// A long, incompressible, reproducible byte stream that exists only as it is read (xorshift bytes of a seed),
/// so a test can store hundreds of megabytes without holding them. It can fail after a given number of bytes.
/// </summary>
internal sealed class PatternStream(long length, ulong seed, long? failAfter = null) : Stream
{
    private ulong state = seed | 1;
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public static byte[] Bytes(int length, ulong seed)
    {
        var bytes = new byte[length];
        using var stream = new PatternStream(length, seed);
        stream.ReadExactly(bytes);
        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (failAfter is { } limit && position >= limit) throw new IOException("The upload broke off.");
        var count = (int)Math.Min(buffer.Length, length - position);
        if (failAfter is { } stop) count = (int)Math.Min(count, stop - position);
        for (var i = 0; i < count; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            buffer[i] = (byte)state;
        }
        position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
