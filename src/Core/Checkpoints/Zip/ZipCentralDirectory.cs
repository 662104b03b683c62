using System.Buffers.Binary;
using System.Text;

namespace TrainingService.Core.Checkpoints.Zip;

/// <summary>Locates and parses the central directory, the authoritative list of entries (local headers may defer sizes to data descriptors).</summary>
internal static class ZipCentralDirectory
{
    public static IReadOnlyList<ZipEntryInfo> Read(Stream archive)
    {
        var tailLength = (int)Math.Min(archive.Length, ZipFormat.EndOfCentralDirectorySize + ZipFormat.MaxCommentLength);
        var tail = ZipBytes.ReadAt(archive, archive.Length - tailLength, tailLength, "the end of the archive");
        var end = FindEndRecord(tail);
        var entryCount = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (entryCount == ushort.MaxValue || directorySize == uint.MaxValue || directoryOffset == uint.MaxValue)
        {
            throw new InvalidCheckpointException("The archive uses zip64 (over 4 GiB or 65535 entries), which this reader does not support.");
        }

        var endPosition = archive.Length - tailLength + end;
        if ((long)directoryOffset + directorySize > endPosition)
        {
            throw new InvalidCheckpointException("The zip central directory points past the end of the archive; the file is truncated or corrupt.");
        }

        var directory = ZipBytes.ReadAt(archive, directoryOffset, (int)directorySize, "the zip central directory");
        return ParseEntries(directory, entryCount);
    }

    private static int FindEndRecord(byte[] tail)
    {
        for (var i = tail.Length - ZipFormat.EndOfCentralDirectorySize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == ZipFormat.EndOfCentralDirectorySignature)
            {
                return i;
            }
        }

        throw new InvalidCheckpointException("No zip end-of-central-directory record found; the file is not a checkpoint or is truncated.");
    }

    private static List<ZipEntryInfo> ParseEntries(byte[] directory, int entryCount)
    {
        var entries = new List<ZipEntryInfo>(entryCount);
        var position = 0;
        for (var i = 0; i < entryCount; i++)
        {
            var header = ZipBytes.Slice(directory, position, ZipFormat.CentralHeaderSize, "a zip central directory header");
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != ZipFormat.CentralHeaderSignature)
            {
                throw new InvalidCheckpointException($"Zip central directory entry {i} has a bad signature; the file is corrupt.");
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            var variableLength = nameLength + BinaryPrimitives.ReadUInt16LittleEndian(header[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            var name = ZipBytes.Slice(directory, position + ZipFormat.CentralHeaderSize, nameLength, "a zip entry name");
            entries.Add(new ZipEntryInfo(
                Encoding.UTF8.GetString(name),
                BinaryPrimitives.ReadUInt16LittleEndian(header[10..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[16..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[20..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[24..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[42..])));
            position += ZipFormat.CentralHeaderSize + variableLength;
        }

        return entries;
    }
}
