using TrainingService.Contracts.Jobs;
using TrainingService.Web.Features.JobDetails;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class StepLossFeedTests
{
    private readonly List<long> asked = [];

    [Fact]
    public async Task The_first_read_holds_the_whole_series()
    {
        var feed = new StepLossFeed(maxPoints: 10);

        await feed.ReloadAsync(Answer(Raw(0, 4)), CancellationToken.None);

        Assert.Equal([0L], asked);
        Assert.Equal(4, feed.Series.TotalSteps);
        Assert.Equal([0L, 1, 2, 3], feed.Series.Points.Select(p => p.Step));
    }

    [Fact]
    public async Task A_finished_epoch_reads_only_the_steps_after_those_held_and_appends_them()
    {
        var feed = new StepLossFeed(maxPoints: 10);
        await feed.ReloadAsync(Answer(Raw(0, 4)), CancellationToken.None);

        await feed.ReadNewAsync(Answer(Raw(4, 7)), CancellationToken.None);

        Assert.Equal([0L, 4], asked);
        Assert.Equal(7, feed.Series.TotalSteps);
        Assert.Equal(Enumerable.Range(0, 7).Select(s => (long)s), feed.Series.Points.Select(p => p.Step));
    }

    [Fact]
    public async Task Steps_the_feed_already_holds_are_not_added_twice()
    {
        var feed = new StepLossFeed(maxPoints: 10);
        await feed.ReloadAsync(Answer(Raw(0, 4)), CancellationToken.None);

        await feed.ReadNewAsync(Answer(Raw(0, 6)), CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 6).Select(s => (long)s), feed.Series.Points.Select(p => p.Step));
    }

    [Fact]
    public async Task Asks_made_while_a_read_runs_wait_for_it_and_are_folded_into_one_more_read()
    {
        var feed = new StepLossFeed(maxPoints: 10);
        var first = new TaskCompletionSource<StepSeriesResource>();
        var reads = new Queue<Task<StepSeriesResource>>([first.Task, Task.FromResult(Raw(4, 9))]);
        StepLossFeed.Reader read = (from, _) => { asked.Add(from); return reads.Dequeue(); };

        var running = feed.ReloadAsync(read, CancellationToken.None);
        await feed.ReadNewAsync(read, CancellationToken.None);
        await feed.ReadNewAsync(read, CancellationToken.None);
        first.SetResult(Raw(0, 4));
        await running;

        Assert.Equal([0L, 4], asked);
        Assert.Equal(9, feed.Series.TotalSteps);
        Assert.Equal(9, feed.Series.Points.Count);
    }

    [Fact]
    public async Task A_run_that_now_has_fewer_steps_than_held_is_read_whole_again()
    {
        var feed = new StepLossFeed(maxPoints: 10);
        await feed.ReloadAsync(Answer(Raw(0, 6)), CancellationToken.None);
        // A new attempt resumed from the checkpoint of step 3 and dropped the later steps.
        var reads = new Queue<StepSeriesResource>([new StepSeriesResource(3, 3, 3, []), Raw(0, 3)]);

        await feed.ReadNewAsync((from, _) => { asked.Add(from); return Task.FromResult(reads.Dequeue()); }, CancellationToken.None);

        Assert.Equal([0L, 6, 0], asked);
        Assert.Equal(3, feed.Series.TotalSteps);
        Assert.Equal([0L, 1, 2], feed.Series.Points.Select(p => p.Step));
    }

    [Fact]
    public async Task Past_the_point_budget_the_held_buckets_merge_into_wider_ones_with_the_same_figures()
    {
        var feed = new StepLossFeed(maxPoints: 10);
        await feed.ReloadAsync(Answer(Raw(0, 8)), CancellationToken.None);

        await feed.ReadNewAsync(Answer(Raw(8, 24)), CancellationToken.None);

        var points = feed.Series.Points;
        Assert.InRange(points.Count, 1, 10);
        Assert.Equal(24, points.Sum(p => p.Count));
        Assert.Equal(points.Select(p => p.Step), points.Select(p => points.TakeWhile(q => q != p).Sum(q => q.Count)));
        foreach (var point in points)
        {
            var steps = Enumerable.Range((int)point.Step, (int)point.Count).ToList();
            Assert.Equal(steps.Average(Loss), point.Mean, precision: 5);
            Assert.Equal(steps.Min(Loss), point.Min);
            Assert.Equal(steps.Max(Loss), point.Max);
        }
    }

    [Fact]
    public async Task An_answer_for_the_previous_job_is_dropped()
    {
        var feed = new StepLossFeed(maxPoints: 10);
        var pending = new TaskCompletionSource<StepSeriesResource>();
        var running = feed.ReloadAsync((_, _) => pending.Task, CancellationToken.None);

        feed.Clear();
        pending.SetResult(Raw(0, 4));
        await running;

        Assert.Empty(feed.Series.Points);
    }

    // Every step's loss differs, so a merge that weighs or bounds a bucket wrongly shows.
    private static float Loss(int step) => 3.0f - (step * 0.1f) + (step % 3 * 0.05f);

    private static StepSeriesResource Raw(long from, long to) =>
        new(to, from, to, [.. Enumerable.Range((int)from, (int)(to - from)).Select(s => new StepPointResource(s, Loss(s), Loss(s), Loss(s), 1))]);

    private StepLossFeed.Reader Answer(StepSeriesResource answer) => (from, _) =>
    {
        asked.Add(from);
        return Task.FromResult(answer);
    };
}
