using TorchSharp;
using TrainingService.Core.Datasets.Transforms;

namespace TrainingService.Core.Tests.Datasets;

public class BatchTransformTests
{
    [Fact]
    public void ScaleToUnit_turns_uint8_0_51_255_into_float32_0_point_2_and_1()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.tensor(new byte[] { 0, 51, 255 }).view(1, 1, 1, 3);

        var scaled = new ScaleToUnit().Apply(batch);

        Assert.Equal(torch.ScalarType.Float32, scaled.dtype);
        Assert.Equal([0f, 0.2f, 1f], scaled.data<float>().ToArray());
    }

    [Fact]
    public void Normalize_subtracts_each_channel_mean_and_divides_by_its_std()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.tensor(new float[] { 0.5f, 1f, 0f, 0.2f }).view(1, 2, 1, 2);

        var normalized = new Normalize([0.5f, 0.1f], [0.25f, 0.5f]).Apply(batch);

        var actual = normalized.data<float>().ToArray();
        float[] expected = [0f, 2f, -0.2f, 0.2f];
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 5));
    }

    [Fact]
    public void Normalize_refuses_a_batch_with_another_channel_count()
    {
        var error = Assert.Throws<ArgumentException>(() => new Normalize([0.5f], [0.5f]).OutputShape((3, 32, 32)));

        Assert.Contains("for 1 channel(s), the batch has 3", error.Message);
    }

    [Fact]
    public void A_pipeline_applies_its_steps_in_order_and_composes_their_shapes()
    {
        using var scope = torch.NewDisposeScope();
        var pipeline = new BatchTransformPipeline(new ScaleToUnit(), new PadTo(2, 1), new Normalize([0.5f], [0.5f]));
        var batch = torch.tensor(new byte[] { 255 }).view(1, 1, 1, 1);

        var result = pipeline.Apply(batch);

        Assert.Equal((1, 2, 1), pipeline.OutputShape((1, 1, 1)));
        Assert.Equal([1f, -1f], result.data<float>().ToArray());
    }
}
