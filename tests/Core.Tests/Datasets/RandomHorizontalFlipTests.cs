using TorchSharp;
using TrainingService.Core.Datasets.Transforms;

namespace TrainingService.Core.Tests.Datasets;

public class RandomHorizontalFlipTests
{
    [Fact]
    public void With_probability_1_every_row_of_every_channel_is_mirrored()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.tensor(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }).view(1, 2, 2, 3);

        var flipped = new RandomHorizontalFlip(1, seed: 0).Apply(batch);

        Assert.Equal([3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10], flipped.data<byte>().ToArray());
    }

    [Fact]
    public void With_probability_0_the_batch_is_unchanged()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.arange(24, torch.ScalarType.Float32).view(4, 1, 2, 3);

        Assert.True(Tensors.Same(new RandomHorizontalFlip(0, seed: 0).Apply(batch), batch));
    }

    [Fact]
    public void Images_are_chosen_one_by_one_where_a_uniform_draw_from_the_seeded_generator_is_below_p()
    {
        using var scope = torch.NewDisposeScope();
        const int count = 40;
        var batch = torch.tensor(new float[] { 1, 2 }).view(1, 1, 1, 2).expand(count, 1, 1, 2).contiguous();

        var result = new RandomHorizontalFlip(0.5, seed: 9).Apply(batch);

        using var generator = new torch.Generator(9);
        var expected = torch.rand([count], generator: generator).lt(0.5).data<bool>().ToArray();
        var flipped = Enumerable.Range(0, count).Select(i => result[i, 0, 0, 0].item<float>() == 2f).ToArray();
        Assert.Equal(expected, flipped);
        Assert.Contains(true, flipped);
        Assert.Contains(false, flipped);
    }

    [Fact]
    public void The_same_seed_flips_the_same_images()
    {
        using var scope = torch.NewDisposeScope();
        var batch = torch.arange(64 * 4, torch.ScalarType.Float32).view(64, 1, 2, 2);

        var a = new RandomHorizontalFlip(0.5, seed: 3).Apply(batch);
        var b = new RandomHorizontalFlip(0.5, seed: 3).Apply(batch);
        var c = new RandomHorizontalFlip(0.5, seed: 4).Apply(batch);

        Assert.True(Tensors.Same(a, b));
        Assert.False(Tensors.Same(a, c));
    }

    [Fact]
    public void A_probability_outside_0_to_1_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomHorizontalFlip(1.5, seed: 0));
}
