using System.Buffers.Binary;
using System.Text;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>An independent reading of zip headers, so layout tests do not trust the code under test.</summary>
internal static class TestZipDirectory
{
    public static IReadOnlyList<TestZipEntry> Parse(byte[] archive)
    {
        var end = archive.Length - 22;
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(archive.AsSpan(end)));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(archive.AsSpan(end + 10));
        var position = (int)BinaryPrimitives.ReadUInt32LittleEndian(archive.AsSpan(end + 16));
        var entries = new List<TestZipEntry>();
        for (var i = 0; i < count; i++)
        {
            var central = archive.AsSpan(position);
            Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(central));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(central[28..]);
            var headerOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(central[42..]);
            var local = archive.AsSpan(headerOffset);
            Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(local));
            int localNameLength = BinaryPrimitives.ReadUInt16LittleEndian(local[26..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
            entries.Add(new TestZipEntry(
                Encoding.UTF8.GetString(central.Slice(46, nameLength)),
                BinaryPrimitives.ReadUInt16LittleEndian(central[10..]),
                BinaryPrimitives.ReadUInt32LittleEndian(central[16..]),
                BinaryPrimitives.ReadUInt32LittleEndian(central[24..]),
                headerOffset,
                headerOffset + 30 + localNameLength + extraLength,
                extraLength >= 4 ? BinaryPrimitives.ReadUInt16LittleEndian(local[(30 + localNameLength)..]) : -1));
            position += 46 + nameLength
                + BinaryPrimitives.ReadUInt16LittleEndian(central[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(central[32..]);
        }

        return entries;
    }
}
