using System.IO.Hashing;

namespace TrainingService.Core.Checkpoints.Zip;

/// <summary>One file to store in an archive; the CRC is computed once because both the zip headers and the serialization id need it.</summary>
internal sealed class ZipRecord
{
    public ZipRecord(string name, ReadOnlyMemory<byte> data)
    {
        Name = name;
        Data = data;
        Crc = Crc32.HashToUInt32(data.Span);
    }

    public string Name { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public uint Crc { get; }
}
