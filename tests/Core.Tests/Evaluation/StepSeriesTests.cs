using TrainingService.Core.Training.Evaluation;

namespace TrainingService.Core.Tests.Evaluation;

public sealed class StepSeriesTests
{
    private static StepLossRecorder Recorded(int count, Func<int, float> loss)
    {
        var recorder = new StepLossRecorder();
        for (var step = 0; step < count; step++)
        {
            recorder.Append(loss(step));
        }
        return recorder;
    }

    [Fact]
    public void Ten_points_in_three_buckets_split_3_3_4_and_each_bucket_starts_at_its_first_step()
    {
        var buckets = StepSeries.Downsample(Recorded(10, step => step), 0, 9, maxPoints: 3);

        // Bucket b covers points [b*10/3, (b+1)*10/3): 0..2, 3..5, 6..9.
        Assert.Equal([new LossBucket(0, 1, 0, 2), new LossBucket(3, 4, 3, 5), new LossBucket(6, 7.5f, 6, 9)], buckets);
    }

    [Fact]
    public void With_no_more_points_than_asked_for_every_point_is_returned_as_it_is()
    {
        var buckets = StepSeries.Downsample(Recorded(5, step => step * 2), 0, 4, maxPoints: 5);

        Assert.Equal(Enumerable.Range(0, 5).Select(s => new LossBucket(s, s * 2, s * 2, s * 2)), buckets);
    }

    [Fact]
    public void The_range_is_clipped_to_the_recorded_steps()
    {
        var recorder = Recorded(100, step => step);

        Assert.Equal(100, StepSeries.Downsample(recorder, -5, 1_000, maxPoints: 1_000).Count);
        Assert.Equal(Enumerable.Range(10, 10).Select(s => (long)s), StepSeries.Downsample(recorder, 10, 19, 100).Select(b => b.Step));
        Assert.Empty(StepSeries.Downsample(recorder, 200, 300, 10));
        Assert.Empty(StepSeries.Downsample(recorder, 50, 40, 10));
    }

    [Fact]
    public void A_single_spike_stays_visible_as_the_maximum_of_its_bucket()
    {
        var buckets = StepSeries.Downsample(Recorded(1_000, step => step == 517 ? 50f : 1f), 0, 999, maxPoints: 10);

        Assert.Equal(10, buckets.Count);
        Assert.Equal(50f, buckets[5].Max);
        Assert.Equal(1f, buckets[5].Min);
        Assert.Equal(1.49f, buckets[5].Mean, 5);
        Assert.All(buckets.Where((_, i) => i != 5), b => Assert.Equal(1f, b.Max));
    }

    [Fact]
    public void A_list_of_steps_with_gaps_is_cut_by_step_number_not_by_position()
    {
        IReadOnlyList<(long Step, float Loss)> points = [(0, 4f), (10, 3f), (20, 2f), (30, 1f)];

        var buckets = StepSeries.Downsample(points, 5, 25, maxPoints: 1);

        Assert.Equal([new LossBucket(10, 2.5f, 2, 3)], buckets);
    }
}
