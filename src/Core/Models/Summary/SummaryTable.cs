using System.Text;

namespace TrainingService.Core.Models.Summary;

/// <summary>Renders a summary in torchinfo 1.8.0's layout (<c>formatting.py</c>, <c>model_statistics.py</c>).</summary>
internal static class SummaryTable
{
    private const int ColumnWidth = 25;
    private const int MinimumNameWidth = 40;
    private const int IndentWidth = 5;

    public static string Render(ModelSummary summary, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);

        // torchinfo sizes the name column from every row, including those deeper than the table shows.
        var longest = summary.Rows.Max(row => Label(row).Length + row.Depth * IndentWidth + 1);
        var nameWidth = longest >= MinimumNameWidth ? (longest + IndentWidth - 1) / IndentWidth * IndentWidth : MinimumNameWidth;
        var divider = new string('=', 3 * ColumnWidth + nameWidth);

        var text = new StringBuilder();
        text.Append(divider).Append('\n');
        text.Append(Line(nameWidth, "Layer (type:depth-idx)", "Output Shape", "Param #", "Mult-Adds"));
        text.Append(divider).Append('\n');
        foreach (var row in summary.Rows.Where(row => row.Depth <= maxDepth))
        {
            text.Append(Line(nameWidth, Indent(row.Depth) + Label(row),
                ShapeText.PythonList(row.OutputShape), row.ParametersText(maxDepth), row.MultAddsText(maxDepth)));
        }

        text.Append(divider).Append('\n');
        text.Append($"Total params: {PythonFormat.Grouped(summary.TotalParams)}\n");
        text.Append($"Trainable params: {PythonFormat.Grouped(summary.TrainableParams)}\n");
        text.Append($"Non-trainable params: {PythonFormat.Grouped(summary.NonTrainableParams)}\n");
        text.Append($"Total mult-adds {MultAddsTotal(summary.TotalMultAdds)}\n");
        text.Append(divider).Append('\n');
        text.Append($"Input size (MB): {PythonFormat.FixedTwo(summary.InputMegabytes, false)}\n");
        text.Append($"Forward/backward pass size (MB): {PythonFormat.FixedTwo(summary.ForwardBackwardMegabytes, false)}\n");
        text.Append($"Params size (MB): {PythonFormat.FixedTwo(summary.ParamMegabytes, false)}\n");
        text.Append($"Estimated Total Size (MB): {PythonFormat.FixedTwo(summary.EstimatedTotalMegabytes, false)}\n");
        return text.Append(divider).ToString();
    }

    private static string Label(SummaryRow row) => row.Depth == 0 ? row.TypeName : $"{row.TypeName}: {row.DepthIndexLabel}";

    private static string Indent(int depth) => depth switch
    {
        0 => "",
        1 => "├─",
        _ => string.Concat(Enumerable.Repeat("│    ", depth - 1)) + "└─",
    };

    private static string Line(int nameWidth, string name, params string[] cells) =>
        (name.PadRight(nameWidth) + " " + string.Concat(cells.Select(cell => cell.PadRight(ColumnWidth) + " "))).TrimEnd() + "\n";

    /// <summary>torchinfo's automatic unit: millions below a billion, then billions, then trillions; whole numbers without decimals.</summary>
    private static string MultAddsTotal(long multAdds)
    {
        var (unit, value) = multAdds >= 1e12 ? ("T", multAdds / 1e12) : multAdds >= 1e9 ? ("G", multAdds / 1e9) : ("M", multAdds / 1e6);
        var number = double.IsInteger(value) ? PythonFormat.Grouped((long)value) : PythonFormat.FixedTwo(value, true);
        return $"({unit}): {number}";
    }
}
