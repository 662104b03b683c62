using TorchSharp;
using static TrainingService.Core.Tests.Datasets.NumberedSamples;

namespace TrainingService.Core.Tests.Datasets;

public class BatchLoaderOrderTests
{
    [Fact]
    public void Different_epochs_visit_the_samples_in_different_orders()
    {
        using var scope = torch.NewDisposeScope();
        using var loader = Loader(samples: 32, batchSize: 5, shuffle: true);

        Assert.NotEqual(Order(loader, 0), Order(loader, 1));
    }

    [Fact]
    public void The_same_seed_and_epoch_give_the_same_order_in_another_loader()
    {
        using var scope = torch.NewDisposeScope();
        using var first = Loader(samples: 32, batchSize: 5, shuffle: true);
        using var second = Loader(samples: 32, batchSize: 7, shuffle: true);

        Assert.Equal(Order(first, 3), Order(second, 3));
    }

    [Fact]
    public void Without_shuffling_samples_come_in_dataset_order()
    {
        using var scope = torch.NewDisposeScope();
        using var loader = Loader(samples: 5, batchSize: 2, shuffle: false);

        Assert.Equal([0L, 1L, 2L, 3L, 4L], Order(loader, 4));
    }
}
