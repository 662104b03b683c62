using System.Text;

namespace TrainingService.Core.Checkpoints.Zip;

/// <summary>
/// Where every header and payload of an aligned archive lands, computed before any byte is written
/// so an archive that needs zip64 is refused up front instead of leaving half a file behind.
/// </summary>
internal sealed record ZipLayout(long[] HeaderOffsets, int[] Padding, long CentralDirectoryOffset, long CentralDirectorySize)
{
    public static ZipLayout Plan(IReadOnlyList<ZipRecord> records, int alignment)
    {
        if (records.Count >= ushort.MaxValue)
        {
            throw new NotSupportedException($"An archive of {records.Count} entries needs zip64, which this writer does not produce.");
        }

        var headerOffsets = new long[records.Count];
        var padding = new int[records.Count];
        long position = 0;
        long centralDirectorySize = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var nameLength = Encoding.UTF8.GetByteCount(records[i].Name);
            if (nameLength > ushort.MaxValue)
            {
                throw new ArgumentException($"Entry name '{records[i].Name}' is too long for a zip header.", nameof(records));
            }

            headerOffsets[i] = position;
            var unpaddedDataStart = position + ZipFormat.LocalHeaderSize + nameLength + ZipFormat.ExtraFieldHeaderSize;
            padding[i] = (int)((alignment - (unpaddedDataStart % alignment)) % alignment);
            position = unpaddedDataStart + padding[i] + records[i].Data.Length;
            centralDirectorySize += ZipFormat.CentralHeaderSize + nameLength;
        }

        var archiveEnd = position + centralDirectorySize + ZipFormat.EndOfCentralDirectorySize;
        if (archiveEnd >= uint.MaxValue)
        {
            throw new NotSupportedException(
                $"The archive would be {archiveEnd} bytes; archives of 4 GiB or more need zip64, which this writer does not produce.");
        }

        return new ZipLayout(headerOffsets, padding, position, centralDirectorySize);
    }
}
