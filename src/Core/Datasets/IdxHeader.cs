using System.Buffers.Binary;

namespace TrainingService.Core.Datasets;

/// <summary>Header and payload checks shared by image and label files so both report problems alike.</summary>
internal static class IdxHeader
{
    private const byte UnsignedByteType = 0x08;

    public static int[] Read(Stream s, string fileName, int expectedMagic, string kind)
    {
        var magic = ReadInt32(s, fileName, "the magic number");
        var expected = $"expected magic 0x{expectedMagic:X8} ({kind}), found 0x{magic:X8}";
        if ((magic & ~0xFFFF) != 0 || (magic >> 8) != UnsignedByteType)
        {
            throw new InvalidDatasetFileException(fileName, $"{expected}: not an unsigned-byte IDX file");
        }

        var dimensionCount = magic & 0xFF;
        var expectedDimensions = expectedMagic & 0xFF;
        if (dimensionCount != expectedDimensions)
        {
            throw new InvalidDatasetFileException(
                fileName, $"{expected}: the file has {dimensionCount} dimension(s), {kind} need {expectedDimensions}");
        }

        var dims = new int[dimensionCount];
        for (var i = 0; i < dims.Length; i++)
        {
            var size = ReadInt32(s, fileName, $"dimension {i}");
            if (size <= 0)
            {
                throw new InvalidDatasetFileException(fileName, $"header gives dimension {i} a size of {size}");
            }

            dims[i] = size;
        }

        return dims;
    }

    private static int ReadInt32(Stream s, string fileName, string what)
    {
        Span<byte> word = stackalloc byte[4];
        if (s.ReadAtLeast(word, word.Length, throwOnEndOfStream: false) < word.Length)
        {
            throw new InvalidDatasetFileException(fileName, $"file ends inside the header, before {what}");
        }

        return BinaryPrimitives.ReadInt32BigEndian(word);
    }
}
