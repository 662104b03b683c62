using System.Text;
using TrainingService.Core.Checkpoints.Pickle;
using TrainingService.Core.Checkpoints.Zip;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// Reads state dicts saved by torch.save (and by <see cref="PthWriter"/>) without executing the pickle:
/// only tensors in an OrderedDict are understood, anything else is an <see cref="InvalidCheckpointException"/>.
/// </summary>
public sealed class PthReader
{
    public IReadOnlyList<StateTensor> Read(Stream source)
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

        if (new PickleMachine().Run(zip.Read(prefix + "data.pkl")) is not PickleDict dict)
        {
            throw new InvalidCheckpointException("data.pkl does not hold a dict; it is not a state dict.");
        }

        var storages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        return dict.Items.Select(item => ToStateTensor(item, zip, prefix, storages)).ToList();
    }

    private static StateTensor ToStateTensor(KeyValuePair<object?, object?> item, StoredZipReader zip, string prefix, Dictionary<string, byte[]> storages)
    {
        if (item is not { Key: string key, Value: PickleTensor tensor })
        {
            throw new InvalidCheckpointException(
                $"State dict entry {TorchPickleAllowList.Describe(item.Key)} holds {TorchPickleAllowList.Describe(item.Value)}; expected a string key and a tensor.");
        }

        if (!storages.TryGetValue(tensor.Storage.Key, out var storage))
        {
            storage = zip.Read($"{prefix}data/{tensor.Storage.Key}");
            storages.Add(tensor.Storage.Key, storage);
        }

        try
        {
            return new StateTensor(key, tensor.Storage.Type, tensor.Shape, StridedTensorCopy.Extract(storage, tensor, key));
        }
        catch (ArgumentException exception)
        {
            throw new InvalidCheckpointException($"State dict entry '{key}' is not a valid tensor: {exception.Message}", exception);
        }
    }

    /// <summary>Like torch.load, take the folder of the first entry as the archive's root, whatever it is called.</summary>
    private static string ArchivePrefix(StoredZipReader zip)
    {
        var first = zip.Entries.Count > 0 ? zip.Entries[0].Name : throw new InvalidCheckpointException("The archive is empty.");
        var slash = first.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? first[..(slash + 1)] : throw new InvalidCheckpointException($"Entry '{first}' is not inside a top-level folder.");
    }
}
