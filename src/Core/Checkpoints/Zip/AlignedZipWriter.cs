using System.Buffers.Binary;
using System.Text;

namespace TrainingService.Core.Checkpoints.Zip;

/// <summary>
/// Writes an uncompressed zip in which every entry's data starts at a multiple of <see cref="Alignment"/>,
/// the layout torch.load(mmap=True) maps directly. System.IO.Compression cannot pad local headers.
/// </summary>
internal static class AlignedZipWriter
{
    public const int Alignment = 64;

    public static void Write(Stream destination, IReadOnlyList<ZipRecord> records)
    {
        var layout = ZipLayout.Plan(records, Alignment);
        var names = records.Select(record => Encoding.UTF8.GetBytes(record.Name)).ToArray();
        for (var i = 0; i < records.Count; i++)
        {
            WriteLocalEntry(destination, records[i], names[i], layout.Padding[i]);
        }

        for (var i = 0; i < records.Count; i++)
        {
            WriteCentralHeader(destination, records[i], names[i], layout.HeaderOffsets[i]);
        }

        WriteEndOfCentralDirectory(destination, records.Count, layout);
    }

    private static void WriteLocalEntry(Stream destination, ZipRecord record, byte[] name, int padding)
    {
        var extraLength = ZipFormat.ExtraFieldHeaderSize + padding;
        var header = new byte[ZipFormat.LocalHeaderSize + name.Length + extraLength];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, ZipFormat.LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], ZipFormat.VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], ZipFormat.DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], record.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], (uint)record.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], (uint)record.Data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)extraLength);
        name.CopyTo(span[ZipFormat.LocalHeaderSize..]);

        var extra = span[(ZipFormat.LocalHeaderSize + name.Length)..];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, ZipFormat.PaddingExtraFieldId);
        BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)padding);
        extra[ZipFormat.ExtraFieldHeaderSize..].Fill(ZipFormat.PaddingFiller);

        destination.Write(header);
        destination.Write(record.Data.Span);
    }

    private static void WriteCentralHeader(Stream destination, ZipRecord record, byte[] name, long headerOffset)
    {
        var header = new byte[ZipFormat.CentralHeaderSize + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, ZipFormat.CentralHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], ZipFormat.VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], ZipFormat.VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], ZipFormat.DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], record.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)record.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)record.Data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], (uint)headerOffset);
        name.CopyTo(span[ZipFormat.CentralHeaderSize..]);
        destination.Write(header);
    }

    private static void WriteEndOfCentralDirectory(Stream destination, int count, ZipLayout layout)
    {
        Span<byte> record = stackalloc byte[ZipFormat.EndOfCentralDirectorySize];
        record.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(record, ZipFormat.EndOfCentralDirectorySignature);
        BinaryPrimitives.WriteUInt16LittleEndian(record[8..], (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(record[10..], (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)layout.CentralDirectorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(record[16..], (uint)layout.CentralDirectoryOffset);
        destination.Write(record);
    }
}
