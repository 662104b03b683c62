using System.Globalization;

namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>
/// The only callables data.pkl may name, mirroring the spirit of torch.load(weights_only=True):
/// a pickle is a program, and anything beyond building OrderedDicts and rebuilding tensors is refused.
/// </summary>
internal static class TorchPickleAllowList
{
    public static PickleGlobal Resolve(string module, string name)
    {
        var allowed = (module, name) switch
        {
            ("collections", "OrderedDict") => true,
            ("torch._utils", "_rebuild_tensor_v2") => true,
            ("torch", _) => StateTensorTypeExtensions.TryParseStorageClassName(name, out _),
            _ => false,
        };

        return allowed
            ? new PickleGlobal(module, name)
            : throw new InvalidCheckpointException($"data.pkl refers to the global '{module}.{name}', which is not allowed in a checkpoint.");
    }

    public static object Reduce(object? callable, object? arguments)
    {
        if (callable is not PickleGlobal global || arguments is not PickleTuple tuple)
        {
            throw new InvalidCheckpointException($"data.pkl applies REDUCE to {Describe(callable)} with {Describe(arguments)}; expected a global and a tuple.");
        }

        return (global.Module, global.Name, tuple.Items.Count) switch
        {
            ("collections", "OrderedDict", 0) => new PickleDict(isOrderedDict: true),
            ("torch._utils", "_rebuild_tensor_v2", 6 or 7) => RebuildTensor(tuple.Items),
            _ => throw new InvalidCheckpointException($"data.pkl calls {global} with {tuple.Items.Count} arguments, which a checkpoint never does."),
        };
    }

    public static PickleStorage PersistentLoad(object? id) => id switch
    {
        PickleTuple { Items: ["storage", PickleGlobal { Module: "torch" } type, string key, string, long count] }
            when StateTensorTypeExtensions.TryParseStorageClassName(type.Name, out var tensorType) && count >= 0
            => new PickleStorage(tensorType, key, count),
        _ => throw new InvalidCheckpointException($"data.pkl has a persistent id {Describe(id)}; expected ('storage', torch.<Type>Storage, key, location, numel)."),
    };

    /// <summary>Bounded in depth and length, since a hostile tuple may nest far deeper than the stack reaches.</summary>
    public static string Describe(object? value) => Describe(value, depth: 0);

    private static string Describe(object? value, int depth) => value switch
    {
        null => "None",
        string text => $"'{text}'",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        PickleTuple when depth >= 3 => "(...)",
        PickleTuple tuple => $"({string.Join(", ", tuple.Items.Take(8).Select(item => Describe(item, depth + 1)))}{(tuple.Items.Count > 8 ? ", ..." : "")})",
        PickleDict => "a dict",
        PickleList => "a list",
        PickleTensor => "a tensor",
        PickleStorage storage => $"storage '{storage.Key}'",
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static PickleTensor RebuildTensor(IReadOnlyList<object?> items) => items switch
    {
        [PickleStorage storage, long offset, PickleTuple size, PickleTuple stride, bool, ..]
            when offset >= 0 && size.Items.Count == stride.Items.Count
            => new PickleTensor(storage, offset, Longs(size), Longs(stride)),
        _ => throw new InvalidCheckpointException($"data.pkl rebuilds a tensor from {Describe(new PickleTuple(items))}; expected (storage, offset, size, stride, requires_grad, hooks)."),
    };

    private static long[] Longs(PickleTuple tuple) => tuple.Items
        .Select(item => item is long value ? value : throw new InvalidCheckpointException($"data.pkl has {Describe(item)} where a tensor dimension belongs."))
        .ToArray();
}
