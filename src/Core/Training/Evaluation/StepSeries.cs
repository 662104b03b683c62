namespace TrainingService.Core.Training.Evaluation;

/// <summary>
/// Downsamples a per-step loss series for plotting. The steps within <c>[from, to]</c> are split into
/// <c>maxPoints</c> runs of consecutive points whose sizes differ by at most one (run <c>b</c> of <c>n</c>
/// points starts at point <c>b * n / maxPoints</c>); with no more points than <c>maxPoints</c> every
/// point is its own bucket.
/// </summary>
public static class StepSeries
{
    /// <param name="points">Ordered by step; steps may have gaps.</param>
    public static IReadOnlyList<LossBucket> Downsample(IReadOnlyList<(long Step, float Loss)> points, long from, long to, int maxPoints)
    {
        var first = 0;
        while (first < points.Count && points[first].Step < from)
        {
            first++;
        }
        var end = first;
        while (end < points.Count && points[end].Step <= to)
        {
            end++;
        }
        return Bucket(first, end - first, i => points[(int)i].Step, i => points[(int)i].Loss, maxPoints);
    }

    public static IReadOnlyList<LossBucket> Downsample(StepLossRecorder recorder, long from, long to, int maxPoints)
    {
        var first = Math.Max(from, 0);
        var last = Math.Min(to, recorder.Count - 1);
        return Bucket(first, Math.Max(last - first + 1, 0), i => i, i => recorder[i], maxPoints);
    }

    private static List<LossBucket> Bucket(long first, long count, Func<long, long> stepAt, Func<long, float> lossAt, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var buckets = (int)Math.Min(count, maxPoints);
        var result = new List<LossBucket>(buckets);
        for (var b = 0; b < buckets; b++)
        {
            var start = first + b * count / buckets;
            var stop = first + (b + 1) * count / buckets;
            var (sum, min, max) = (0.0, float.PositiveInfinity, float.NegativeInfinity);
            for (var i = start; i < stop; i++)
            {
                var loss = lossAt(i);
                (sum, min, max) = (sum + loss, Math.Min(min, loss), Math.Max(max, loss));
            }
            result.Add(new LossBucket(stepAt(start), (float)(sum / (stop - start)), min, max));
        }
        return result;
    }
}
