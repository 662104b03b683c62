using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.RegularExpressions;
using TrainingService.Core.Checkpoints.Pickle;
using TrainingService.Core.Checkpoints.Zip;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// Writes any checkpoint value in the zip layout torch.save uses since PyTorch 1.6: a state dict, or a training
/// checkpoint such as <c>{"epoch": 3L, "model": state dict, "optimizer": {...}, "rng": {...}}</c>. torch 2.x reads it
/// with <c>torch.load(path, weights_only=True)</c>; torch 1.13's weights-only loader refuses floats, see
/// tools/pytorch/training_checkpoint.py.
/// </summary>
public sealed partial class TorchObjectWriter(PthWriterOptions? options = null)
{
    private readonly string archiveName = CheckedArchiveName((options ?? PthWriterOptions.Default).ArchiveName);

    /// <param name="root">
    /// null, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="TensorValue"/>,
    /// <see cref="TorchTuple"/>, an <see cref="IReadOnlyList{T}"/> of object (a list) or a <see cref="TorchDict"/>, nested freely.
    /// </param>
    public void Write(Stream destination, object? root)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var pickled = CheckpointPickler.Pickle(root);
        var records = new List<ZipRecord>
        {
            Record("data.pkl", pickled.Pickle),
            Record(".format_version", Encoding.ASCII.GetBytes("1")),
            Record(".storage_alignment", Encoding.ASCII.GetBytes(AlignedZipWriter.Alignment.ToString(CultureInfo.InvariantCulture))),
            Record("byteorder", Encoding.ASCII.GetBytes("little")),
        };
        records.AddRange(pickled.Storages.Select((tensor, index) => Record($"data/{index.ToString(CultureInfo.InvariantCulture)}", tensor.Data)));
        records.Add(Record("version", Encoding.ASCII.GetBytes("3\n")));
        records.Add(Record(".data/serialization_id", SerializationId(records)));
        AlignedZipWriter.Write(destination, records);
    }

    /// <summary>
    /// Like torch, 20 digits from a hash of the record names and 20 from their CRCs: unique per content
    /// yet deterministic, so the same values always produce the same file and SHA-256.
    /// </summary>
    private static byte[] SerializationId(IReadOnlyList<ZipRecord> records)
    {
        var names = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(string.Join('\n', records.Select(record => record.Name))));
        var crcs = XxHash64.HashToUInt64(records.SelectMany(record => BitConverter.GetBytes(record.Crc)).ToArray());
        return Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{names:D20}{crcs:D20}"));
    }

    private ZipRecord Record(string name, ReadOnlyMemory<byte> data) => new($"{archiveName}/{name}", data);

    private static string CheckedArchiveName(string name) => ArchiveNamePattern().IsMatch(name)
        ? name
        : throw new ArgumentException($"Archive name '{name}' must be non-empty and use only letters, digits, '.', '_' and '-'.", nameof(options));

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ArchiveNamePattern();
}
