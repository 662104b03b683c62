using TrainingService.TrainingComparison;

namespace TrainingService.Core.Tests.Training;

/// <summary>tools/TrainingComparison's command line, in particular the GPU comparison's options.</summary>
public sealed class ComparisonOptionsTests
{
    [Fact]
    public void A_bare_command_compares_on_the_cpu_against_debians_python()
    {
        var options = ComparisonOptions.Parse([]);

        Assert.Equal("cpu", options.Device);
        Assert.False(options.OnGpu);
        Assert.Equal("/usr/bin/python3", options.Python);
        Assert.True(options.TensorFloat32);
    }

    [Fact]
    public void A_gpu_comparison_names_its_device_tf32_and_the_interpreter_of_a_cuda_pytorch()
    {
        var options = ComparisonOptions.Parse(["--device", "cuda:1", "--tf32", "off", "--python", "/opt/torch/bin/python"]);

        Assert.Equal("cuda:1", options.Device);
        Assert.True(options.OnGpu);
        Assert.False(options.TensorFloat32);
        Assert.Equal("/opt/torch/bin/python", options.Python);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:x")]
    [InlineData("CUDA")]
    public void An_unknown_device_is_refused_naming_the_option(string device)
    {
        var refusal = Assert.Throws<ArgumentException>(() => ComparisonOptions.Parse(["--device", device]));

        Assert.Contains("--device", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_memory_layout_variant_is_refused_on_a_gpu_where_the_worker_keeps_batches_as_they_are()
    {
        var refusal = Assert.Throws<ArgumentException>(() => ComparisonOptions.Parse(["--device", "cuda", "--other-layout"]));

        Assert.Contains("--other-layout", refusal.Message, StringComparison.Ordinal);
    }
}
