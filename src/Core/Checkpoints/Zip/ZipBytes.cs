namespace TrainingService.Core.Checkpoints.Zip;

/// <summary>Bounds-checked reads, so a truncated or lying archive surfaces as <see cref="InvalidCheckpointException"/>.</summary>
internal static class ZipBytes
{
    public static byte[] ReadAt(Stream archive, long offset, int count, string what)
    {
        if (offset < 0 || count < 0 || offset + count > archive.Length)
        {
            throw Truncated(what);
        }

        var buffer = new byte[count];
        archive.Position = offset;
        try
        {
            archive.ReadExactly(buffer);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidCheckpointException($"The archive ends inside {what}; the file is truncated.", exception);
        }

        return buffer;
    }

    public static ReadOnlySpan<byte> Slice(byte[] buffer, int offset, int count, string what)
    {
        if (offset < 0 || count < 0 || (long)offset + count > buffer.Length)
        {
            throw Truncated(what);
        }

        return buffer.AsSpan(offset, count);
    }

    private static InvalidCheckpointException Truncated(string what) =>
        new($"The archive ends inside {what}; the file is truncated or corrupt.");
}
