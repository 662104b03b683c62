using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace TrainingService.Core.Models.PyTorch;

/// <summary>Names that Python and <c>nn.Module</c> accept as class and attribute names.</summary>
public static partial class PythonNames
{
    private static readonly FrozenSet<string> Keywords = new[]
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    }.ToFrozenSet();

    // nn.Module.add_module refuses a child whose name is already an attribute of the module.
    private static readonly FrozenSet<string> ModuleAttributes = new[]
    {
        "forward", "training", "train", "eval", "to", "cuda", "cpu", "type", "float", "double", "half", "apply",
        "parameters", "buffers", "children", "modules", "state_dict", "load_state_dict", "zero_grad", "add_module",
        "register_buffer", "register_parameter", "named_parameters", "named_buffers", "named_children", "named_modules",
    }.ToFrozenSet();

    public static bool IsIdentifier(string name) => IdentifierPattern().IsMatch(name) && !Keywords.Contains(name);

    public static bool IsChildName(string name) => IsIdentifier(name) && !ModuleAttributes.Contains(name);

    /// <summary>A class name the emitted file can define: not one of its imports or reference block classes.</summary>
    internal static bool IsFreeClassName(string name) =>
        IsIdentifier(name) && name is not ("torch" or "nn" or "F") && !PythonBlockClasses.Order.Contains(name);

    /// <summary>A class name from a registry name or free text: <c>alexnet-cifar10</c> becomes <c>AlexnetCifar10</c>.</summary>
    public static string ToClassName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new StringBuilder();
        foreach (var part in WordPattern().Matches(name).Select(match => match.Value))
        {
            result.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        if (result.Length == 0 || char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, "Net");
        }

        return IsIdentifier(result.ToString()) ? result.ToString() : result.Append('_').ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex WordPattern();
}
