namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>
/// Turns what the pickle machine built into the public checkpoint values, cutting each tensor's bytes out of its storage.
/// Memo opcodes can make one container appear twice or inside itself: a shared one is built once and stays shared, one
/// that contains itself is refused, since neither our writer nor a recursive reader could ever come back out of it.
/// </summary>
internal sealed class CheckpointValueBuilder(Func<string, byte[]> readStorage)
{
    private readonly Dictionary<string, byte[]> storages = new(StringComparer.Ordinal);
    private readonly Dictionary<object, object?> built = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> building = new(ReferenceEqualityComparer.Instance);

    public object? Build(object? unpickled) => Build(unpickled, KeyPath.Root, depth: 0);

    private object? Build(object? unpickled, KeyPath path, int depth) => unpickled switch
    {
        null or bool or long or double or string => unpickled,
        PickleTensor tensor => Once(tensor, path, depth, () => Tensor(tensor, path)),
        PickleTuple tuple => Once(tuple, path, depth, () => new TorchTuple(tuple.Items.Select((item, i) => Build(item, path.Index(i), depth + 1)).ToArray())),
        PickleList list => Once(list, path, depth, () => list.Items.Select((item, i) => Build(item, path.Index(i), depth + 1)).ToList()),
        PickleDict dict => Once(dict, path, depth, () => Dict(dict, path, depth)),
        _ => throw new InvalidCheckpointException(
            $"{path} is {TorchPickleAllowList.Describe(unpickled)}, which is not a value a checkpoint holds."),
    };

    private object? Once(object unpickled, KeyPath path, int depth, Func<object?> build)
    {
        if (built.TryGetValue(unpickled, out var done))
        {
            return done;
        }

        if (depth >= TorchValues.MaxNesting)
        {
            throw new InvalidCheckpointException($"{path} nests containers more than {TorchValues.MaxNesting} levels deep.");
        }

        if (!building.Add(unpickled))
        {
            throw new InvalidCheckpointException($"{path} contains itself; checkpoints hold trees of values, not cycles.");
        }

        var result = build();
        building.Remove(unpickled);
        built.Add(unpickled, result);
        return result;
    }

    /// <summary>A key set twice keeps its first position and its last value, as Python's dict does.</summary>
    private TorchDict Dict(PickleDict dict, KeyPath path, int depth)
    {
        var result = new TorchDict(dict.IsOrderedDict) { Path = path };
        foreach (var (unpickledKey, value) in dict.Items)
        {
            TorchKey key = unpickledKey switch
            {
                string text => text,
                long number => number,
                _ => throw new InvalidCheckpointException(
                    $"{path} has the key {TorchPickleAllowList.Describe(unpickledKey)}; checkpoint dicts are keyed by str or int."),
            };
            result[key] = Build(value, path.Key(key), depth + 1);
        }

        return result;
    }

    private TensorValue Tensor(PickleTensor tensor, KeyPath path)
    {
        if (!storages.TryGetValue(tensor.Storage.Key, out var storage))
        {
            storage = readStorage(tensor.Storage.Key);
            storages.Add(tensor.Storage.Key, storage);
        }

        var where = path.ToString();
        try
        {
            return new TensorValue(tensor.Storage.Type, tensor.Shape, StridedTensorCopy.Extract(storage, tensor, where));
        }
        catch (ArgumentException exception)
        {
            throw new InvalidCheckpointException($"{where} is not a valid tensor: {exception.Message}", exception);
        }
    }
}
