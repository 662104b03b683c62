using System.Text;
using TrainingService.Core.Checkpoints.Pickle;
using TrainingService.Core.Checkpoints.Zip;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// Reads any checkpoint torch.save writes with its default protocol 2 (and <see cref="TorchObjectWriter"/> writes): a
/// state dict or a whole training checkpoint of nested dicts, lists, tuples, numbers, strings and tensors. The pickle is
/// interpreted, never executed: a callable outside torch's weights-only allow-list is an <see cref="InvalidCheckpointException"/>.
/// </summary>
public sealed class TorchObjectReader
{
    /// <returns>
    /// The root value: null, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
    /// <see cref="TensorValue"/>, <see cref="TorchTuple"/>, a <see cref="List{T}"/> of object, or a <see cref="TorchDict"/>
    /// (for <c>torch.save(model.state_dict())</c> an OrderedDict of tensors), each container holding the same kinds.
    /// </returns>
    public object? Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var copy = source.CanSeek ? null : new MemoryStream();
        if (copy is not null)
        {
            source.CopyTo(copy);
        }

        var zip = new StoredZipReader(copy ?? source);
        var prefix = ArchivePrefix(zip);
        var byteOrder = prefix + "byteorder";
        if (zip.Contains(byteOrder) && Encoding.ASCII.GetString(zip.Read(byteOrder)) != "little")
        {
            throw new InvalidCheckpointException("The checkpoint was not saved little-endian; only little-endian checkpoints are supported.");
        }

        var unpickled = new PickleMachine().Run(zip.Read(prefix + "data.pkl"));
        return new CheckpointValueBuilder(key => zip.Read($"{prefix}data/{key}")).Build(unpickled);
    }

    /// <summary>Like torch.load, take the folder of the first entry as the archive's root, whatever it is called.</summary>
    private static string ArchivePrefix(StoredZipReader zip)
    {
        var first = zip.Entries.Count > 0 ? zip.Entries[0].Name : throw new InvalidCheckpointException("The archive is empty.");
        var slash = first.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? first[..(slash + 1)] : throw new InvalidCheckpointException($"Entry '{first}' is not inside a top-level folder.");
    }
}
