using System.Buffers.Binary;
using System.IO.Hashing;

namespace TrainingService.Core.Checkpoints.Zip;

/// <summary>Reads the uncompressed entries PyTorch writes, checking each entry's CRC-32 against the central directory.</summary>
internal sealed class StoredZipReader
{
    private readonly Stream archive;
    private readonly Dictionary<string, ZipEntryInfo> entriesByName;

    public StoredZipReader(Stream archive)
    {
        this.archive = archive;
        Entries = ZipCentralDirectory.Read(archive);
        entriesByName = new Dictionary<string, ZipEntryInfo>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            entriesByName.TryAdd(entry.Name, entry);
        }
    }

    public IReadOnlyList<ZipEntryInfo> Entries { get; }

    public bool Contains(string name) => entriesByName.ContainsKey(name);

    public byte[] Read(string name)
    {
        if (!entriesByName.TryGetValue(name, out var entry))
        {
            throw new InvalidCheckpointException($"The archive has no entry '{name}'.");
        }

        if (entry.Method != ZipFormat.StoredMethod || entry.CompressedSize != entry.Size)
        {
            throw new InvalidCheckpointException($"Entry '{name}' is compressed (method {entry.Method}); checkpoints store entries uncompressed.");
        }

        if (entry.Size > Array.MaxLength)
        {
            throw new InvalidCheckpointException($"Entry '{name}' is {entry.Size} bytes, more than one buffer can hold.");
        }

        var header = ZipBytes.ReadAt(archive, entry.LocalHeaderOffset, ZipFormat.LocalHeaderSize, $"the local header of '{name}'");
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != ZipFormat.LocalHeaderSignature)
        {
            throw new InvalidCheckpointException($"The local header of '{name}' has a bad signature; the file is corrupt.");
        }

        var dataOffset = entry.LocalHeaderOffset + ZipFormat.LocalHeaderSize
            + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26))
            + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var data = ZipBytes.ReadAt(archive, dataOffset, (int)entry.Size, $"the data of '{name}'");
        if (Crc32.HashToUInt32(data) != entry.Crc)
        {
            throw new InvalidCheckpointException($"Entry '{name}' fails its CRC-32 check; the file is corrupt.");
        }

        return data;
    }
}
