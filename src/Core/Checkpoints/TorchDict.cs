using System.Collections;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// A Python dict or <c>collections.OrderedDict</c> in a checkpoint, keeping insertion order as Python does (a state
/// dict's order is its modules' registration order). The typed getters are for reading checkpoints: a missing value or
/// one of another kind is an <see cref="InvalidCheckpointException"/> that names the value's full key path.
/// </summary>
public sealed class TorchDict : IEnumerable<KeyValuePair<TorchKey, object?>>
{
    private readonly List<TorchKey> order = [];
    private readonly Dictionary<TorchKey, object?> values = [];

    /// <param name="isOrderedDict">
    /// True for an OrderedDict, which is what <c>model.state_dict()</c> returns; false for a plain dict, which is what
    /// training scripts build by hand and what <c>optimizer.state_dict()</c> returns.
    /// </param>
    public TorchDict(bool isOrderedDict = false)
    {
        IsOrderedDict = isOrderedDict;
    }

    public bool IsOrderedDict { get; }

    public int Count => order.Count;

    /// <summary>Keys in insertion order.</summary>
    public IReadOnlyList<TorchKey> Keys => order;

    /// <summary>Where the reader found this dict, so errors from the typed getters say <c>checkpoint['optimizer']['state'][0]</c>.</summary>
    internal KeyPath Path { get; init; } = KeyPath.Root;

    /// <summary>Setting an existing key replaces its value in place, keeping its position, as in Python.</summary>
    public object? this[TorchKey key]
    {
        get => values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"{Path.Key(key)} is missing.");
        set
        {
            var checkedValue = TorchValues.Checked(value, nameof(value));
            if (!values.ContainsKey(key))
            {
                order.Add(key);
            }

            values[key] = checkedValue;
        }
    }

    /// <summary>The OrderedDict a state dict is, in the given order; keys must be unique.</summary>
    public static TorchDict FromStateTensors(IEnumerable<StateTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var dict = new TorchDict(isOrderedDict: true);
        foreach (var tensor in tensors)
        {
            if (dict.ContainsKey(tensor.Key))
            {
                throw new ArgumentException($"Key '{tensor.Key}' appears more than once; a state dict holds each key once.", nameof(tensors));
            }

            dict.Add(tensor.Key, tensor.ToTensorValue());
        }

        return dict;
    }

    public void Add(TorchKey key, object? value)
    {
        var checkedValue = TorchValues.Checked(value, nameof(value));
        if (!values.TryAdd(key, checkedValue))
        {
            throw new ArgumentException($"Key {key} is already in the dict.", nameof(key));
        }

        order.Add(key);
    }

    public bool ContainsKey(TorchKey key) => values.ContainsKey(key);

    public bool TryGetValue(TorchKey key, out object? value) => values.TryGetValue(key, out value);

    /// <summary>Reads this dict as a flat state dict: every key a str, every value a tensor.</summary>
    public IReadOnlyList<StateTensor> ToStateTensors() => order.Select(key => values[key] is TensorValue tensor && key.Value is string name && name.Length > 0
            ? tensor.WithKey(name)
            : throw new InvalidCheckpointException(
                $"State dict entry {key} holds {TorchValues.Describe(values[key])}; expected a string key and a tensor."))
        .ToList();

    public long GetLong(TorchKey key) => Get<long>(key, "an int");

    /// <summary>Accepts an int too: Python code writes <c>weight_decay=0</c> where it means a float.</summary>
    public double GetDouble(TorchKey key) => Require(key) switch
    {
        double real => real,
        long number => number,
        var other => throw WrongKind(key, other, "a float"),
    };

    public bool GetBool(TorchKey key) => Get<bool>(key, "a bool");

    public string GetString(TorchKey key) => Get<string>(key, "a str");

    public TensorValue GetTensor(TorchKey key) => Get<TensorValue>(key, "a tensor");

    public TorchDict GetDict(TorchKey key) => Get<TorchDict>(key, "a dict");

    public TorchTuple GetTuple(TorchKey key) => Get<TorchTuple>(key, "a tuple");

    public IReadOnlyList<object?> GetList(TorchKey key) => Get<IReadOnlyList<object?>>(key, "a list");

    public IEnumerator<KeyValuePair<TorchKey, object?>> GetEnumerator() =>
        order.Select(key => KeyValuePair.Create(key, values[key])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T Get<T>(TorchKey key, string expected) => Require(key) is T value ? value : throw WrongKind(key, values[key], expected);

    private object? Require(TorchKey key) => values.TryGetValue(key, out var value)
        ? value
        : throw new InvalidCheckpointException($"{Path.Key(key)} is missing.");

    private InvalidCheckpointException WrongKind(TorchKey key, object? value, string expected) =>
        new($"{Path.Key(key)} is {TorchValues.Describe(value)}; expected {expected}.");
}
