using System.IO.Compression;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>In-memory shortcuts around the writer and reader, plus entry access through .NET's own zip reader.</summary>
internal static class PthBytes
{
    public static byte[] Write(IReadOnlyList<StateTensor> tensors, PthWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        new PthWriter(options).Write(stream, tensors);
        return stream.ToArray();
    }

    public static IReadOnlyList<StateTensor> Read(byte[] archive) => new PthReader().Read(new MemoryStream(archive, writable: false));

    /// <summary>
    /// Reads an entry through .NET's ZipArchive, a zip reader independent of ours. It does not verify CRC-32
    /// for stored entries (checked on .NET 10), so layout tests compare CRCs themselves.
    /// </summary>
    public static byte[] Entry(byte[] archive, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(archive, writable: false), ZipArchiveMode.Read);
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"No entry '{name}'.");
        using var content = entry.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    public static byte[] ZipOf(params (string Name, byte[] Data)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var content = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                content.Write(data);
            }
        }

        return stream.ToArray();
    }
}
