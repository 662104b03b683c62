using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>The counting rules of torchinfo 1.8.0 (layer_info.py, model_statistics.py) that the summary follows.</summary>
public sealed class TorchinfoConventionTests
{
    [Fact]
    public void A_convolution_counts_weights_and_bias_once_per_output_position_of_every_sample()
    {
        var summary = Summarize(4, new InputShape(3, 10, 10), new Conv2dSpec(3, 8, 3));

        var conv = summary.Rows[1];
        Assert.Equal((224L, 224L * 4 * 8 * 8), (conv.Parameters, conv.MultAdds));
    }

    [Fact]
    public void A_linear_layer_counts_its_parameters_once_per_sample()
    {
        var summary = Summarize(7, new InputShape(2, 3, 4), new FlattenSpec(), new LinearSpec(24, 5));

        Assert.Equal(7L * (24 * 5 + 5), summary.TotalMultAdds);
    }

    [Fact]
    public void Batch_norm_counts_weight_and_bias_per_sample_and_its_running_statistics_are_not_parameters()
    {
        var summary = Summarize(3, new InputShape(1, 6, 6), new Conv2dSpec(1, 4, 3, Bias: false), new BatchNorm2dSpec(4));

        Assert.Equal((8L, 3L * 8), (summary.Rows[2].Parameters, summary.Rows[2].MultAdds));
        Assert.Equal((44L, 44L * 4), (summary.TotalParams, summary.ParamBytes));
    }

    [Fact]
    public void The_forward_backward_size_is_twice_the_outputs_of_the_layers_with_parameters_only()
    {
        var summary = Summarize(2, new InputShape(1, 8, 8), new Conv2dSpec(1, 4, 3), new ActivationSpec(ActivationKind.ReLU), new MaxPool2dSpec(2, 2));

        Assert.Equal(2 * (4L * 2 * 4 * 6 * 6), summary.ForwardBackwardBytes);
    }

    [Fact]
    public void The_input_size_is_the_float32_batch_plus_the_storage_object_header_that_sys_getsizeof_adds()
    {
        var summary = Summarize(10, new InputShape(1, 32, 32), new ActivationSpec(ActivationKind.ReLU));

        Assert.Equal(4L * 10 * 32 * 32 + 56, summary.InputBytes);
    }

    [Theory]
    [InlineData(0.125, "0.12")]
    [InlineData(0.375, "0.38")]
    [InlineData(2.675, "2.67")]
    [InlineData(1.235, "1.24")]
    [InlineData(0.004999, "0.00")]
    [InlineData(1234.5, "1234.50")]
    public void Megabytes_are_rounded_like_pythons_format_half_to_even_on_the_exact_binary_value(double value, string text)
    {
        Assert.Equal(text, PythonFormat.FixedTwo(value, grouped: false));
    }

    [Theory]
    [InlineData(0L, "Total mult-adds (M): 0")]
    [InlineData(4_000_000L, "Total mult-adds (M): 4")]
    [InlineData(999_994_999L, "Total mult-adds (M): 999.99")]
    [InlineData(1_234_567_890_123L, "Total mult-adds (T): 1.23")]
    public void Total_mult_adds_use_millions_below_a_billion_and_drop_the_decimals_of_whole_numbers(long multAdds, string line)
    {
        var summary = Summarize(1, new InputShape(1, 4, 4), new ActivationSpec(ActivationKind.ReLU)) with { TotalMultAdds = multAdds };

        Assert.Contains(line, summary.ToText().Split('\n'));
    }

    private static global::TrainingService.Core.Models.Summary.ModelSummary Summarize(int batch, InputShape input, params ModuleSpec[] layers) =>
        ModelSummarizer.Summarize(new NetworkSpec("test", new SequentialSpec(layers), input), batch);
}
