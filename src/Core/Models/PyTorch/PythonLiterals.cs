using System.Globalization;

namespace TrainingService.Core.Models.PyTorch;

/// <summary>Python source literals for the numbers and flags of a description.</summary>
internal static class PythonLiterals
{
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A Python string literal for a module name (names are identifiers, so nothing needs escaping).</summary>
    public static string Str(string value) => $"\"{value}\"";

    /// <summary>The shortest literal that reads back as the same double, always a float literal (<c>1.0</c>, <c>1E-05</c>).</summary>
    public static string Float(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A layer setting must be a finite number.");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>A keyword argument only where it differs from PyTorch's default, so the source reads like hand-written code.</summary>
    public static IEnumerable<string> Keyword(string name, int value, int pythonDefault) =>
        value == pythonDefault ? [] : [$"{name}={Int(value)}"];

    public static IEnumerable<string> Keyword(string name, bool value, bool pythonDefault) =>
        value == pythonDefault ? [] : [$"{name}={(value ? "True" : "False")}"];

    public static IEnumerable<string> Keyword(string name, double value, double pythonDefault) =>
        value.Equals(pythonDefault) ? [] : [$"{name}={Float(value)}"];
}
