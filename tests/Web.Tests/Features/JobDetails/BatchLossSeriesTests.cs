using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.JobDetails;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class BatchLossSeriesTests
{
    private static readonly Guid JobId = Guid.NewGuid();

    [Fact]
    public void Batches_of_one_epoch_accumulate_in_order()
    {
        var series = new BatchLossSeries();

        series.Add(Batch(epoch: 1, batch: 10, loss: 2.0));
        series.Add(Batch(epoch: 1, batch: 20, loss: 1.5));

        Assert.Equal([10, 20], series.Points.Select(p => p.Batch));
        Assert.Equal(1.5, series.Points[^1].Loss);
    }

    [Fact]
    public void A_new_epoch_starts_a_new_curve()
    {
        var series = new BatchLossSeries();
        series.Add(Batch(epoch: 1, batch: 900, loss: 0.4));

        series.Add(Batch(epoch: 2, batch: 10, loss: 0.3));

        Assert.Equal(10, Assert.Single(series.Points).Batch);
        Assert.Equal(2, series.Latest!.Epoch);
    }

    [Fact]
    public void Stale_or_repeated_events_are_ignored()
    {
        var series = new BatchLossSeries();
        series.Add(Batch(epoch: 2, batch: 50, loss: 0.3));

        Assert.False(series.Add(Batch(epoch: 2, batch: 50, loss: 0.3)));
        Assert.False(series.Add(Batch(epoch: 2, batch: 40, loss: 0.35)));
        Assert.False(series.Add(Batch(epoch: 1, batch: 900, loss: 0.4)));
        Assert.Single(series.Points);
    }

    private static BatchProgressEvent Batch(int epoch, int batch, double loss) =>
        new(JobId, epoch, batch, 938, loss, 0.9);
}
