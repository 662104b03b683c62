using TorchSharp;
using TrainingService.Core.Datasets.Transforms;

namespace TrainingService.Core.Tests.Datasets;

public class PaddingTransformTests
{
    [Fact]
    public void PadTo_centres_each_image_and_gives_an_odd_remainder_to_the_bottom_and_right()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.tensor(new float[] { 1, 2, 3, 4 }).view(1, 1, 2, 2);

        var padded = new PadTo(5, 4).Apply(batch);

        float[] expected =
        [
            0, 0, 0, 0,
            0, 1, 2, 0,
            0, 3, 4, 0,
            0, 0, 0, 0,
            0, 0, 0, 0,
        ];
        Assert.Equal(new long[] { 1, 1, 5, 4 }, padded.shape);
        Assert.Equal(expected, padded.data<float>().ToArray());
    }

    [Fact]
    public void PadTo_32_puts_two_zero_pixels_on_every_side_of_a_28_by_28_mnist_image()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.ones(3, 1, 28, 28);

        var padded = new PadTo(32, 32).Apply(batch);

        Assert.Equal(new long[] { 3, 1, 32, 32 }, padded.shape);
        Assert.Equal(3 * 28 * 28, padded.sum().item<float>());
        Assert.Equal(1f, padded[0, 0, 2, 2].item<float>());
        Assert.Equal(0f, padded[0, 0, 1, 2].item<float>() + padded[0, 0, 30, 29].item<float>());
    }

    [Fact]
    public void ZeroPad_adds_the_requested_rows_above_and_columns_to_the_left()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.tensor(new float[] { 7 }).view(1, 1, 1, 1);

        var padded = new ZeroPad(top: 1, bottom: 0, left: 2, right: 0).Apply(batch);

        Assert.Equal([0f, 0f, 0f, 0f, 0f, 7f], padded.data<float>().ToArray());
        Assert.Equal((1, 2, 3), new ZeroPad(1, 0, 2, 0).OutputShape((1, 1, 1)));
    }
}
