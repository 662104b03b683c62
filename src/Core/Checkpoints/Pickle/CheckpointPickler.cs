using System.Globalization;

namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>
/// Pickles checkpoint values as CPython's protocol-2 pickler does in its memo-free "fast" mode, the way torch.save
/// pickles them minus the optional memo opcodes: the same opcode choices and the same batches of 1000 list and dict items.
/// Every tensor occurrence gets a storage of its own, numbered in the order the pickle reaches it.
/// </summary>
internal sealed class CheckpointPickler
{
    /// <summary>CPython's pickler flushes list and dict items in batches of this size (pickle._BATCHSIZE).</summary>
    private const int BatchSize = 1000;

    private readonly PickleWriter writer = new();
    private readonly List<TensorValue> storages = [];
    private readonly HashSet<object> open = new(ReferenceEqualityComparer.Instance);

    private CheckpointPickler()
    {
    }

    public static PickledCheckpoint Pickle(object? root)
    {
        var pickler = new CheckpointPickler();
        pickler.writer.Proto2();
        pickler.Value(root, KeyPath.Root, depth: 0);
        pickler.writer.Op(PickleOpcodes.Stop);
        return new PickledCheckpoint(pickler.writer.ToArray(), pickler.storages);
    }

    private void Value(object? value, KeyPath path, int depth)
    {
        switch (value)
        {
            case null: writer.Op(PickleOpcodes.None); break;
            case bool flag: writer.Op(flag ? PickleOpcodes.NewTrue : PickleOpcodes.NewFalse); break;
            case long number: writer.Int(number); break;
            case double real: writer.Float(real); break;
            case string text: writer.Unicode(text); break;
            case TensorValue tensor: Tensor(tensor); break;
            case TorchTuple tuple: Nested(tuple, path, depth, () => Tuple(tuple, path, depth)); break;
            case TorchDict dict: Nested(dict, path, depth, () => Dict(dict, path, depth)); break;
            case IReadOnlyList<object?> list: Nested(list, path, depth, () => List(list, path, depth)); break;
            default:
                throw new ArgumentException($"{path} is {TorchValues.Describe(value)}; a checkpoint holds only {TorchValues.Vocabulary}.", nameof(value));
        }
    }

    private void Nested(object container, KeyPath path, int depth, Action pickle)
    {
        if (depth >= TorchValues.MaxNesting)
        {
            throw new ArgumentException($"{path} nests containers more than {TorchValues.MaxNesting} levels deep.", nameof(container));
        }

        if (!open.Add(container))
        {
            throw new ArgumentException($"{path} contains itself; a checkpoint must be a tree of values.", nameof(container));
        }

        pickle();
        open.Remove(container);
    }

    private void Tuple(TorchTuple tuple, KeyPath path, int depth)
    {
        writer.TupleStart(tuple.Count);
        for (var i = 0; i < tuple.Count; i++)
        {
            Value(tuple[i], path.Index(i), depth + 1);
        }

        writer.TupleEnd(tuple.Count);
    }

    private void List(IReadOnlyList<object?> list, KeyPath path, int depth)
    {
        writer.Op(PickleOpcodes.EmptyList);
        foreach (var batch in Enumerable.Range(0, list.Count).Chunk(BatchSize))
        {
            Batch(batch.Length, PickleOpcodes.Append, PickleOpcodes.Appends, () =>
            {
                foreach (var i in batch)
                {
                    Value(list[i], path.Index(i), depth + 1);
                }
            });
        }
    }

    /// <summary>An OrderedDict pickles as CPython reduces it, <c>OrderedDict()</c> then its items, which torch.load accepts.</summary>
    private void Dict(TorchDict dict, KeyPath path, int depth)
    {
        if (dict.IsOrderedDict)
        {
            EmptyOrderedDict();
        }
        else
        {
            writer.Op(PickleOpcodes.EmptyDict);
        }

        foreach (var batch in dict.Chunk(BatchSize))
        {
            Batch(batch.Length, PickleOpcodes.SetItem, PickleOpcodes.SetItems, () =>
            {
                foreach (var (key, value) in batch)
                {
                    Key(key);
                    Value(value, path.Key(key), depth + 1);
                }
            });
        }
    }

    /// <summary>Like CPython, a batch of one item is pushed and added alone; a longer batch is bracketed by MARK.</summary>
    private void Batch(int count, byte single, byte many, Action items)
    {
        if (count > 1)
        {
            writer.Op(PickleOpcodes.Mark);
        }

        items();
        writer.Op(count > 1 ? many : single);
    }

    private void Key(TorchKey key)
    {
        if (key.Value is string text)
        {
            writer.Unicode(text);
        }
        else
        {
            writer.Int((long)key.Value);
        }
    }

    private void Tensor(TensorValue tensor)
    {
        var storageKey = storages.Count.ToString(CultureInfo.InvariantCulture);
        storages.Add(tensor);
        writer.Global("torch._utils", "_rebuild_tensor_v2");
        writer.Op(PickleOpcodes.Mark);
        Storage(tensor, storageKey);
        writer.Int(0);
        writer.IntTuple(tensor.Shape);
        writer.IntTuple(TensorStrides.RowMajor(tensor.Shape));
        writer.Op(PickleOpcodes.NewFalse);
        EmptyOrderedDict();
        writer.Op(PickleOpcodes.Tuple);
        writer.Op(PickleOpcodes.Reduce);
    }

    private void Storage(TensorValue tensor, string storageKey)
    {
        writer.Op(PickleOpcodes.Mark);
        writer.Unicode("storage");
        writer.Global("torch", tensor.Type.StorageClassName());
        writer.Unicode(storageKey);
        writer.Unicode("cpu");
        writer.Int(tensor.ElementCount);
        writer.Op(PickleOpcodes.Tuple);
        writer.Op(PickleOpcodes.BinPersId);
    }

    private void EmptyOrderedDict()
    {
        writer.Global("collections", "OrderedDict");
        writer.Op(PickleOpcodes.EmptyTuple);
        writer.Op(PickleOpcodes.Reduce);
    }
}
