using System.Buffers.Binary;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>Builds IDX files in memory so tests never depend on the real 47 MB downloads.</summary>
internal static class IdxBytes
{
    /// <summary>Images whose every pixel holds <paramref name="pixel"/>(image index), e.g. its label.</summary>
    public static byte[] Images(int count, int rows, int columns, Func<int, byte>? pixel = null)
    {
        var payload = Enumerable.Range(0, count)
            .SelectMany(i => Enumerable.Repeat(pixel?.Invoke(i) ?? (byte)i, rows * columns))
            .ToArray();
        return Build(0x00000803, [count, rows, columns], payload);
    }

    public static byte[] Labels(params byte[] labels) => Build(0x00000801, [labels.Length], labels);

    public static byte[] Build(int magic, int[] dimensions, byte[] payload)
    {
        var bytes = new byte[4 + (4 * dimensions.Length) + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        payload.CopyTo(bytes, 4 + (4 * dimensions.Length));
        return bytes;
    }
}
