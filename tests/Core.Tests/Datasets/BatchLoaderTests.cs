using TorchSharp;
using TrainingService.Core.Datasets.Transforms;
using static TrainingService.Core.Tests.Datasets.NumberedSamples;

namespace TrainingService.Core.Tests.Datasets;

public class BatchLoaderTests
{
    [Fact]
    public void Every_sample_comes_exactly_once_per_epoch_and_the_last_partial_batch_is_kept()
    {
        using var scope = torch.NewDisposeScope();
        using var loader = Loader(samples: 10, batchSize: 4, shuffle: true);

        var batches = loader.Epoch(0).ToList();

        Assert.Equal(3, loader.BatchesPerEpoch);
        Assert.Equal([4L, 4L, 2L], batches.Select(b => b.Labels.shape[0]));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), batches.SelectMany(Ids).Order());
    }

    [Fact]
    public void Batches_are_float32_n_c_h_w_images_after_the_transforms_and_int64_labels_on_the_device()
    {
        using var scope = torch.NewDisposeScope();
        using var loader = Loader(samples: 3, batchSize: 2, shuffle: false, new PadTo(3, 3));

        var (images, labels) = loader.Epoch(0).First();

        Assert.Equal(new long[] { 2, 1, 3, 3 }, images.shape);
        Assert.Equal((1, 3, 3), loader.OutputShape);
        Assert.Equal((torch.ScalarType.Float32, torch.ScalarType.Int64), (images.dtype, labels.dtype));
        Assert.Equal(torch.CPU.type, images.device.type);
    }

    [Fact]
    public void Images_stay_paired_with_their_labels_when_shuffled()
    {
        using var scope = torch.NewDisposeScope();
        using var loader = Loader(samples: 8, batchSize: 3, shuffle: true);

        foreach (var (images, labels) in loader.Epoch(1))
        {
            Assert.Equal(labels.to_type(torch.ScalarType.Float32).data<float>().ToArray(), images.data<float>().ToArray());
        }
    }

    [Fact]
    public void Yielded_batches_remain_usable_after_the_epoch_and_the_loader_are_gone()
    {
        using var scope = torch.NewDisposeScope();
        List<(torch.Tensor Images, torch.Tensor Labels)> batches;
        using (var loader = Loader(samples: 4, batchSize: 2, shuffle: false))
        {
            batches = loader.Epoch(0).ToList();
        }

        Assert.Equal(3L, batches[1].Labels[1].item<long>());
    }
}
