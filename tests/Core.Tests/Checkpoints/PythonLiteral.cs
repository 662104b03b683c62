using System.Globalization;
using System.Text;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// A Python expression that evaluates to the same tree (tensors excepted), for comparing with CPython's own pickler.
/// Floats and strings go through <c>f(bits)</c> and <c>s(utf8)</c>, which the script defines, so nothing is lost to formatting.
/// </summary>
internal static class PythonLiteral
{
    public static string Of(object? value) => value switch
    {
        null => "None",
        bool flag => flag ? "True" : "False",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double real => $"f('{BitConverter.DoubleToInt64Bits(real):x16}')",
        string text => $"s('{Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text))}')",
        TorchTuple tuple => $"({string.Concat(tuple.Items.Select(item => Of(item) + ","))})",
        TorchDict dict => $"{(dict.IsOrderedDict ? "collections.OrderedDict" : "dict")}([{string.Join(",", dict.Select(pair => $"({Of(pair.Key.Value)},{Of(pair.Value)})"))}])",
        IReadOnlyList<object?> list => $"[{string.Join(",", list.Select(Of))}]",
        _ => throw new Xunit.Sdk.XunitException($"No Python literal for {value.GetType()}."),
    };
}
