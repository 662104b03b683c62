using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>The worked example of the spec ("Custom networks"): what torchinfo prints for the custom LeNet, batch 10.</summary>
public sealed class WorkedExampleTests
{
    private readonly global::TrainingService.Core.Models.Summary.ModelSummary summary = ModelSummarizer.Summarize(SampleNetworks.CustomLeNet(), batchSize: 10);

    [Fact]
    public void Each_layer_has_torchinfos_row_output_shape_and_parameter_count()
    {
        var rows = summary.Rows.Skip(1).Select(r => (r.TypeName, ShapeOf(r), r.ParametersText()));

        Assert.Equal(
        [
            ("Conv2d", "[10, 6, 28, 28]", "156"),
            ("Tanh", "[10, 6, 28, 28]", "--"),
            ("AvgPool2d", "[10, 6, 14, 14]", "--"),
            ("Conv2d", "[10, 16, 10, 10]", "2,416"),
            ("Tanh", "[10, 16, 10, 10]", "--"),
            ("AvgPool2d", "[10, 16, 5, 5]", "--"),
            ("Flatten", "[10, 400]", "--"),
            ("Linear", "[10, 120]", "48,120"),
            ("Tanh", "[10, 120]", "--"),
            ("Linear", "[10, 84]", "10,164"),
        ], rows);
    }

    [Fact]
    public void The_network_itself_is_the_first_row_at_depth_zero_and_its_layers_are_numbered_1_1_to_1_10()
    {
        Assert.Equal(("", "Sequential", 0, "[10, 84]", "--"),
            (summary.Rows[0].KeyPath, summary.Rows[0].TypeName, summary.Rows[0].Depth, ShapeOf(summary.Rows[0]), summary.Rows[0].ParametersText()));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"1-{i}"), summary.Rows.Skip(1).Select(r => r.DepthIndexLabel));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            summary.Rows.Skip(1).Select(r => r.KeyPath));
    }

    [Fact]
    public void The_totals_are_those_torchinfo_prints()
    {
        Assert.Equal((60_856, 60_856, 4_221_880), (summary.TotalParams, summary.TrainableParams, summary.TotalMultAdds));
        Assert.Equal((41_016, 520_640, 243_424, 805_080),
            (summary.InputBytes, summary.ForwardBackwardBytes, summary.ParamBytes, summary.EstimatedTotalBytes));
    }

    [Fact]
    public void The_text_ends_with_torchinfos_totals_block_line_for_line()
    {
        var lines = summary.ToText().Split('\n');

        Assert.Equal(
        [
            "Total params: 60,856",
            "Trainable params: 60,856",
            "Non-trainable params: 0",
            "Total mult-adds (M): 4.22",
            new string('=', 115),
            "Input size (MB): 0.04",
            "Forward/backward pass size (MB): 0.52",
            "Params size (MB): 0.24",
            "Estimated Total Size (MB): 0.81",
            new string('=', 115),
        ], lines[^10..]);
    }

    [Fact]
    public void The_table_has_torchinfos_header_tree_and_column_layout()
    {
        var lines = summary.ToText().Split('\n');

        Assert.Equal("Layer (type:depth-idx)                   Output Shape              Param #                   Mult-Adds", lines[1]);
        Assert.Equal("Sequential                               [10, 84]                  --                        --", lines[3]);
        Assert.Equal("├─Conv2d: 1-1                            [10, 6, 28, 28]           156                       1,223,040", lines[4]);
        Assert.Equal("├─Tanh: 1-2                              [10, 6, 28, 28]           --                        --", lines[5]);
        Assert.Equal("├─Linear: 1-10                           [10, 84]                  10,164                    101,640", lines[13]);
    }

    private static string ShapeOf(SummaryRow row) => $"[{string.Join(", ", row.OutputShape)}]";
}
