using System.Globalization;

namespace TrainingService.Api.Problems;

/// <summary>
/// A chunked request body that refuses to grow past the endpoint's limit, as Kestrel's own limit would,
/// but leaves the connection readable so <see cref="OversizedBodyDrain"/> can discard the rest first.
/// </summary>
public sealed class LimitedRequestBody(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Counted(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new BadHttpRequestException(
                $"Request body too large. The max request body size is {limit.ToString(CultureInfo.InvariantCulture)} bytes.",
                StatusCodes.Status413PayloadTooLarge);
        }
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
