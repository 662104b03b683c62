using TorchSharp;
using TrainingService.Core.Datasets.Transforms;

namespace TrainingService.Core.Tests.Datasets;

public class RandomCropTests
{
    // One 3x3 image holding 1..9 row by row; padded by 1 it sits at rows and columns 1..3 of a 5x5 zero canvas.
    private static readonly byte[] Image = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Each_image_is_the_window_of_the_zero_padded_image_at_offsets_drawn_top_first_then_left()
    {
        using var scope = torch.NewDisposeScope();
        const int count = 50;
        var batch = Batch(count);

        var cropped = new RandomCrop(size: 3, padding: 1, seed: 42).Apply(batch);

        using var generator = new torch.Generator(42);
        var tops = torch.randint(0, 3, [count], generator: generator).data<long>().ToArray();
        var lefts = torch.randint(0, 3, [count], generator: generator).data<long>().ToArray();
        Assert.Equal([count, 1L, 3, 3], cropped.shape);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(Window(tops[i], lefts[i]), cropped[i].data<byte>().ToArray());
        }
    }

    [Fact]
    public void Offsets_differ_between_images_of_one_batch_and_cover_every_position()
    {
        using var scope = torch.NewDisposeScope();

        var cropped = new RandomCrop(3, 1, seed: 1).Apply(Batch(200));

        var seen = Enumerable.Range(0, 200).Select(i => OffsetOf(cropped[i].data<byte>().ToArray())).Distinct().Count();
        Assert.Equal(9, seen);
    }

    [Fact]
    public void The_hand_computed_corner_windows_are_what_offsets_0_0_and_2_2_give()
    {
        Assert.Equal([0, 0, 0, 0, 1, 2, 0, 4, 5], Window(0, 0));
        Assert.Equal([5, 6, 0, 8, 9, 0, 0, 0, 0], Window(2, 2));
        Assert.Equal(Image, Window(1, 1));
    }

    [Fact]
    public void The_same_seed_repeats_the_same_crops_batch_after_batch_and_another_seed_does_not()
    {
        using var scope = torch.NewDisposeScope();
        RandomCrop[] crops = [new(3, 1, seed: 5), new(3, 1, seed: 5), new(3, 1, seed: 6)];

        var first = crops.Select(crop => crop.Apply(Batch(64))).ToArray();
        var second = crops.Select(crop => crop.Apply(Batch(64))).ToArray();

        Assert.True(Tensors.Same(first[0], first[1]));
        Assert.True(Tensors.Same(second[0], second[1]));
        Assert.False(Tensors.Same(first[0], second[0]));
        Assert.False(Tensors.Same(first[0], first[2]));
    }

    [Fact]
    public void A_crop_larger_than_the_padded_image_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RandomCrop(32, 2, seed: 0).OutputShape((3, 24, 24)));

        Assert.Contains("cannot crop 32x32 from images of 28x28", error.Message);
        Assert.Equal((3, 32, 32), new RandomCrop(32, 4, seed: 0).OutputShape((3, 32, 32)));
    }

    private static torch.Tensor Batch(int count) => torch.tensor(Image).view(1, 1, 3, 3).expand(count, 1, 3, 3).contiguous();

    private static byte[] Window(long top, long left) =>
        [.. from r in Enumerable.Range((int)top, 3) from c in Enumerable.Range((int)left, 3) select Padded(r, c)];

    private static byte Padded(int row, int column) =>
        row is >= 1 and <= 3 && column is >= 1 and <= 3 ? Image[((row - 1) * 3) + column - 1] : (byte)0;

    private static (int, int) OffsetOf(byte[] crop) =>
        (from t in Enumerable.Range(0, 3) from l in Enumerable.Range(0, 3) where Window(t, l).SequenceEqual(crop) select (t, l)).Single();
}
