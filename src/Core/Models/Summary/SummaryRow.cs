using System.Globalization;

namespace TrainingService.Core.Models.Summary;

/// <summary>
/// One call of a module in forward order, as torchinfo lists them: containers before their children, functional
/// ops not at all. <see cref="DepthIndex"/> counts the rows of each depth through the whole table, as torchinfo does.
/// </summary>
/// <param name="KeyPath">The state-dict prefix (<c>layer1.0.conv1</c>); empty for the network itself.</param>
/// <param name="OutputShape">The output with the batch dimension first.</param>
/// <param name="Parameters">The module's parameters, its whole subtree for a container; buffers never count.</param>
/// <param name="MultAdds">torchinfo's mult-adds: a leaf's own, a container's the sum of its leaves'.</param>
/// <param name="IsRecursive">The module was already called earlier in the same forward (a reused module).</param>
public sealed record SummaryRow(
    string KeyPath, string TypeName, int Depth, int DepthIndex, IReadOnlyList<int> OutputShape,
    bool IsLeaf, bool IsRecursive, long Parameters, long MultAdds)
{
    /// <summary>The depth index torchinfo prints after the type, as in <c>Conv2d: 2-3</c>.</summary>
    public string DepthIndexLabel => $"{Depth}-{DepthIndex}";

    /// <summary>The output tensor in bytes (float32).</summary>
    public long OutputBytes => checked(4 * OutputShape.Aggregate(1L, (product, size) => checked(product * size)));

    /// <summary>
    /// torchinfo's Param # cell for a table cut at <paramref name="maxDepth"/>: a container shows its whole subtree
    /// only at the cut, and elsewhere the parameters it holds itself, which is none for every container here.
    /// </summary>
    public string ParametersText(int maxDepth = ModelSummary.DefaultDepth) =>
        Parameters == 0 ? "--"
        : IsRecursive ? "(recursive)"
        : IsLeaf || Depth == maxDepth ? Grouped(Parameters)
        : "--";

    /// <summary>torchinfo's Mult-Adds cell: a container shows the sum of its leaves only at the cut.</summary>
    public string MultAddsText(int maxDepth = ModelSummary.DefaultDepth) =>
        IsLeaf ? (MultAdds > 0 ? Grouped(MultAdds) : "--")
        : Parameters > 0 && Depth == maxDepth ? Grouped(MultAdds)
        : "--";

    private static string Grouped(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
