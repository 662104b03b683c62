using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.JobDetails;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class StepLossReadsTests
{
    private static readonly StepLossSeriesDto Early = new(100, 0, 100, [new(0, 2.0, 1.5, 2.5)]);
    private static readonly StepLossSeriesDto Later = new(200, 0, 200, [new(0, 2.0, 1.5, 2.5), new(100, 1.0, 0.5, 1.5)]);

    [Fact]
    public void The_answer_to_the_latest_read_is_shown()
    {
        var reads = new StepLossReads();

        var kept = reads.Complete(reads.Begin(), Later);

        Assert.True(kept);
        Assert.Same(Later, reads.Series);
    }

    [Fact]
    public void An_answer_overtaken_by_a_later_read_is_dropped()
    {
        var reads = new StepLossReads();
        var first = reads.Begin();
        var second = reads.Begin();

        reads.Complete(second, Later);
        var kept = reads.Complete(first, Early);

        Assert.False(kept);
        Assert.Same(Later, reads.Series);
    }

    [Fact]
    public void An_answer_for_the_previous_job_is_dropped()
    {
        var reads = new StepLossReads();
        reads.Complete(reads.Begin(), Early);
        var pending = reads.Begin();

        reads.Clear();
        reads.Complete(pending, Later);

        Assert.Empty(reads.Series.Points);
    }
}
