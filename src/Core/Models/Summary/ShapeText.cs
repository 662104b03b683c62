using System.Globalization;

namespace TrainingService.Core.Models.Summary;

/// <summary>The two ways shapes are written: per image in messages (<c>256x6x6</c>), with the batch in tables (<c>[10, 6]</c>).</summary>
internal static class ShapeText
{
    public static string PerImage(IReadOnlyList<int> shapeWithBatch) => Dims(shapeWithBatch.Skip(1));

    public static string Dims(IEnumerable<int> dims) =>
        string.Join("x", dims.Select(d => Math.Max(d, 0).ToString(CultureInfo.InvariantCulture)));

    /// <summary>Python's <c>str(list)</c>, which torchinfo prints in its shape columns.</summary>
    public static string PythonList(IReadOnlyList<int> shape) =>
        "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
