using System.Formats.Tar;
using System.IO.Compression;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>CIFAR binary records and archives as the dataset ships them, made small for tests.</summary>
internal static class CifarBytes
{
    public const int RecordBytes = 3073;

    public static readonly string[] ClassNames =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>One record per label; pixel i of record r holds (r * 7 + i) % 256, so every byte is traceable.</summary>
    public static byte[] Records(params byte[] labels)
    {
        var bytes = new byte[labels.Length * RecordBytes];
        for (var r = 0; r < labels.Length; r++)
        {
            bytes[r * RecordBytes] = labels[r];
            for (var i = 0; i < RecordBytes - 1; i++)
            {
                bytes[(r * RecordBytes) + 1 + i] = Pixel(r, i);
            }
        }

        return bytes;
    }

    public static byte Pixel(int record, int index) => (byte)(((record * 7) + index) % 256);

    public static byte[] Meta(IEnumerable<string> names) =>
        System.Text.Encoding.ASCII.GetBytes(string.Join("\n", names) + "\n\n");

    /// <summary>A tar.gz of <paramref name="files"/> (archive paths to contents), with a stray entry that must not be extracted.</summary>
    public static byte[] TarGz(IReadOnlyDictionary<string, byte[]> files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "cifar-10-batches-bin/"));
            foreach (var (name, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            }

            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../outside.bin") { DataStream = new MemoryStream([1, 2, 3]) });
        }

        return output.ToArray();
    }
}
