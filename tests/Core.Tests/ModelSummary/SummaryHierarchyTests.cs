using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>Which rows the summary lists, how they are numbered and what containers show, as torchinfo does.</summary>
public sealed class SummaryHierarchyTests
{
    [Fact]
    public void Functional_steps_have_no_row_and_named_ones_are_keyed_by_their_names()
    {
        var summary = ModelSummarizer.Summarize(SampleNetworks.LeNet5(), 1);

        Assert.Equal(["", "conv1", "pool1", "conv2", "pool2", "fc1", "fc2", "fc3"], summary.Rows.Select(r => r.KeyPath));
        Assert.Equal(61_706, summary.TotalParams);
    }

    [Fact]
    public void Rows_follow_the_forward_and_the_depth_index_counts_each_depth_through_the_whole_table()
    {
        var rows = ModelSummarizer.Summarize(SampleNetworks.SmallResNet(), 2).Rows;

        Assert.Equal(["2-1", "2-2", "2-3"], rows.Where(r => r.TypeName == "BasicBlock").Select(r => r.DepthIndexLabel));
        Assert.Equal(
            ["layer2.0.conv1", "layer2.0.bn1", "layer2.0.conv2", "layer2.0.bn2", "layer2.0.downsample", "layer2.0.downsample.0", "layer2.0.downsample.1"],
            rows.Where(r => r.KeyPath.StartsWith("layer2.0.", StringComparison.Ordinal)).Select(r => r.KeyPath));
        Assert.Equal("4-4", rows.Single(r => r.KeyPath == "layer3.0.downsample.1").DepthIndexLabel);
    }

    [Fact]
    public void A_container_shows_its_subtree_only_where_the_table_is_cut_and_deeper_rows_are_left_out()
    {
        var summary = ModelSummarizer.Summarize(SampleNetworks.SmallResNet(), 2);
        var block = summary.Rows.Single(r => r.KeyPath == "layer2.0");

        Assert.Equal(("--", "--"), (block.ParametersText(maxDepth: 3), block.MultAddsText(maxDepth: 3)));
        Assert.Equal(("18,624", block.MultAdds.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
            (block.ParametersText(maxDepth: 2), block.MultAddsText(maxDepth: 2)));
        Assert.Equal(summary.Rows.Count(r => r.Depth <= 2), summary.ToText(maxDepth: 2).Split('\n').Count(l => l.Contains('[', StringComparison.Ordinal)));
        Assert.DoesNotContain(": 4-", summary.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_called_twice_has_a_recursive_second_row_and_its_parameters_count_once()
    {
        var fc = new LinearSpec(8, 8);
        var network = new NetworkSpec("twice", new ChainSpec("Twice", [Functional(new FlattenSpec()), Child("fc", fc), Child("fc", fc)]),
            new InputShape(2, 2, 2));

        var summary = ModelSummarizer.Summarize(network, 3);

        Assert.Equal(["72", "(recursive)"], summary.Rows.Skip(1).Select(r => r.ParametersText()));
        Assert.Equal((72, 2 * 3 * 72), (summary.TotalParams, summary.TotalMultAdds));
    }

    [Fact]
    public void The_batch_size_and_an_explicit_input_replace_those_of_the_description()
    {
        var summary = ModelSummarizer.Summarize(SampleNetworks.InceptionCifar(), 5, new InputShape(3, 64, 64));

        Assert.Equal([5, 288, 32, 32], summary.Rows.Single(r => r.KeyPath == "inception2").OutputShape);
        Assert.Equal([5, 10], summary.Rows[0].OutputShape);
    }

    [Fact]
    public void A_module_type_the_summary_does_not_know_is_named_in_a_not_supported_exception()
    {
        var network = new NetworkSpec("unknown", new SequentialSpec(new UnknownSpec()), new InputShape(1, 4, 4));

        var error = Assert.Throws<NotSupportedException>(() => ModelSummarizer.Summarize(network, 1));

        Assert.Contains("UnknownSpec (PixelShuffle)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_batch_size_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelSummarizer.Summarize(SampleNetworks.LeNet5(), 0));
    }
}
