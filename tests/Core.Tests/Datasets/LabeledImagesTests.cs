using TorchSharp;
using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

public class LabeledImagesTests
{
    [Fact]
    public void Building_from_idx_data_gives_one_contiguous_uint8_tensor_and_int64_labels()
    {
        using var scope = torch.NewDisposeScope();
        var idx = new IdxImages(2, 1, 2, [10, 11, 20, 21]);

        using var split = LabeledImages.FromIdx(idx, [4, 7]);

        Assert.Equal(new long[] { 2, 1, 1, 2 }, split.Images.shape);
        Assert.True(split.Images.is_contiguous());
        Assert.Equal(new byte[] { 10, 11, 20, 21 }, split.Images.data<byte>().ToArray());
        Assert.Equal(new long[] { 4, 7 }, split.Labels.data<long>().ToArray());
    }

    [Fact]
    public void Take_keeps_the_first_samples_and_select_picks_samples_in_index_order()
    {
        using var scope = torch.NewDisposeScope();
        using var split = LabeledImages.FromIdx(new IdxImages(3, 1, 1, [0, 1, 2]), [0, 1, 2]);

        using var first = split.Take(2);
        using var picked = split.Select(torch.tensor(new long[] { 2, 0 }));

        Assert.Equal(new long[] { 0, 1 }, first.Labels.data<long>().ToArray());
        Assert.Equal(new long[] { 2, 0 }, picked.Labels.data<long>().ToArray());
        Assert.Equal(new byte[] { 2, 0 }, picked.Images.data<byte>().ToArray());
    }

    [Fact]
    public void A_split_outlives_the_dispose_scope_it_was_built_in()
    {
        LabeledImages split;
        using (torch.NewDisposeScope())
        {
            split = LabeledImages.FromIdx(new IdxImages(1, 1, 1, [5]), [3]);
        }

        using (split)
        {
            Assert.Equal(3L, split.Labels[0].item<long>());
        }
    }
}
