using System.Globalization;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// The kinds of value a checkpoint holds, named as Python names them: None, bool, int (<see cref="long"/>),
/// float (<see cref="double"/>), str, tensor (<see cref="TensorValue"/>), tuple (<see cref="TorchTuple"/>),
/// list (any <see cref="IReadOnlyList{T}"/> of object), dict and OrderedDict (<see cref="TorchDict"/>).
/// </summary>
internal static class TorchValues
{
    /// <summary>
    /// How deeply containers may nest. A training checkpoint nests a handful of levels; the cap keeps a hostile file
    /// (or a runaway object graph) from exhausting the stack of the recursive reader and writer.
    /// </summary>
    public const int MaxNesting = 256;

    public const string Vocabulary =
        "null, bool, long, double, string, TensorValue, TorchTuple, IReadOnlyList<object?> (a list) or TorchDict";

    /// <summary>Checks one value's own kind; containers check their items as those are added, lists when written.</summary>
    public static bool IsValue(object? value) => value is null or bool or long or double or string
        or TensorValue or TorchTuple or TorchDict or IReadOnlyList<object?>;

    public static object? Checked(object? value, string parameterName) => IsValue(value)
        ? value
        : throw new ArgumentException(
            $"A checkpoint cannot hold a {value!.GetType().Name}; values are {Vocabulary}. Integers must be long and floats double, as Python has only those.",
            parameterName);

    /// <summary>"a float (0.1)", "an OrderedDict of 3 items": enough to tell a user which value was unexpected.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "None",
        bool flag => flag ? "True" : "False",
        long number => $"an int ({number.ToString(CultureInfo.InvariantCulture)})",
        double real => $"a float ({real.ToString("R", CultureInfo.InvariantCulture)})",
        string text => $"a str ({TorchKey.FromString(text)})",
        TensorValue tensor => $"a {tensor.Type} tensor of shape [{string.Join(", ", tensor.Shape)}]",
        TorchTuple tuple => $"a tuple of {tuple.Count} items",
        TorchDict dict => $"{(dict.IsOrderedDict ? "an OrderedDict" : "a dict")} of {dict.Count} items",
        IReadOnlyList<object?> list => $"a list of {list.Count} items",
        _ => $"a {value.GetType().Name}",
    };
}
