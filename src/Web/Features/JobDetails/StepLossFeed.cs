using TrainingService.Contracts.Jobs;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>
/// A job's per-step loss curve, kept current by reading only the steps recorded since the last read: the series is
/// read whole once (and again for a new attempt, which may have dropped steps), and each finished epoch then costs its
/// own steps alone, however long the run. Reads run one at a time, so their answers cannot cross; asks made while one
/// runs are folded into one more read after it. Past the chart's point budget the held buckets are merged into wider
/// ones, exactly, since each carries its step count.
/// </summary>
public sealed class StepLossFeed(int maxPoints)
{
    private int generation;
    private bool reading;
    private bool wholeWanted;
    private bool newWanted;

    /// <summary>Reads the steps from <c>from</c> on, in at most the chart's point budget.</summary>
    public delegate Task<StepSeriesResource> Reader(long from, CancellationToken cancellationToken);

    public StepSeriesResource Series { get; private set; } = StepSeriesResource.Empty;

    /// <summary>Reads the whole series again: the first read, and after anything that may have rewound the run.</summary>
    public Task ReloadAsync(Reader read, CancellationToken cancellationToken)
    {
        wholeWanted = true;
        return PumpAsync(read, cancellationToken);
    }

    /// <summary>Reads the steps recorded after the held ones and appends them.</summary>
    public Task ReadNewAsync(Reader read, CancellationToken cancellationToken)
    {
        newWanted = true;
        return PumpAsync(read, cancellationToken);
    }

    /// <summary>Takes the series as a whole read left it elsewhere (the prerender's); later reads continue from it.</summary>
    public void Restore(StepSeriesResource series)
    {
        generation++;
        reading = wholeWanted = newWanted = false;
        Series = series;
    }

    /// <summary>For another job: a read still running for the previous one is dropped when it answers.</summary>
    public void Clear()
    {
        generation++;
        reading = wholeWanted = newWanted = false;
        Series = StepSeriesResource.Empty;
    }

    private async Task PumpAsync(Reader read, CancellationToken cancellationToken)
    {
        if (reading)
        {
            return;
        }

        reading = true;
        var started = generation;
        try
        {
            while (started == generation && (wholeWanted || newWanted))
            {
                var whole = wholeWanted;
                wholeWanted = newWanted = false;
                var from = whole ? 0 : Series.TotalSteps;
                var answer = await read(from, cancellationToken);
                if (started != generation)
                {
                    return;
                }

                if (whole)
                {
                    Series = answer;
                }
                else if (answer.TotalSteps < from)
                {
                    // A new attempt resumed from an earlier checkpoint and dropped the steps after it.
                    wholeWanted = true;
                }
                else
                {
                    Series = Append(Series, answer);
                }
            }
        }
        finally
        {
            if (started == generation)
            {
                reading = false;
            }
        }
    }

    private StepSeriesResource Append(StepSeriesResource held, StepSeriesResource answer)
    {
        // An Api (or a stand-in) that ignores from= answers from step 0; what the page holds is not added twice.
        var fresh = answer.Points.Where(p => p.Step >= held.TotalSteps).ToList();
        if (fresh.Count == 0)
        {
            return held with { TotalSteps = answer.TotalSteps };
        }

        IReadOnlyList<StepPointResource> points = [.. held.Points, .. fresh];
        if (points.Count > maxPoints)
        {
            // Twice the narrowest width that fits the budget: every merged bucket then holds more than half of it.
            points = Merge(points, 2 * ((answer.TotalSteps + maxPoints - 1) / maxPoints));
        }

        return new StepSeriesResource(answer.TotalSteps, held.From, answer.To, points);
    }

    private static List<StepPointResource> Merge(IReadOnlyList<StepPointResource> points, long width)
    {
        var merged = new List<StepPointResource>();
        var open = points[0];
        var sum = (double)open.Mean * open.Count;
        foreach (var point in points.Skip(1))
        {
            if (open.Count + point.Count > width)
            {
                merged.Add(open with { Mean = (float)(sum / open.Count) });
                open = point;
                sum = (double)point.Mean * point.Count;
                continue;
            }

            sum += (double)point.Mean * point.Count;
            open = open with { Count = open.Count + point.Count, Min = Math.Min(open.Min, point.Min), Max = Math.Max(open.Max, point.Max) };
        }

        merged.Add(open with { Mean = (float)(sum / open.Count) });
        return merged;
    }
}
