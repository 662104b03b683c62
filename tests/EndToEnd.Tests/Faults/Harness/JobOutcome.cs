using System.Text.Json;

namespace TrainingService.Faults.Harness;

/// <summary>
/// What a job left behind once it ended, read through the API (metrics, attempts, checkpoints, test
/// result) and, for the step-loss ranges the API only returns downsampled, from its table.
/// </summary>
public sealed record JobOutcome(
    Guid JobId,
    string Status,
    int TotalEpochs,
    IReadOnlyList<EpochRow> Metrics,
    IReadOnlyList<AttemptRow> Attempts,
    IReadOnlyList<CheckpointRow> Checkpoints,
    IReadOnlyList<StepRange> Steps,
    long ApiTotalSteps,
    double? TestLoss,
    double? TestAccuracy)
{
    public static async Task<JobOutcome> ReadAsync(Fleet fleet, Guid jobId)
    {
        var job = await fleet.Jobs.JobAsync(jobId);
        var result = job.GetProperty("result");
        var steps = (await fleet.Store.StepLossesAsync(jobId))
            .Select(s => new StepRange(s.Epoch, s.FirstStep, s.Losses.Length / sizeof(float), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(s.Losses))))
            .ToList();
        return new JobOutcome(jobId, job.GetProperty("status").GetString()!, job.GetProperty("totalEpochs").GetInt32(),
            await fleet.Jobs.MetricsAsync(jobId), await fleet.Jobs.AttemptsAsync(jobId), await fleet.Jobs.CheckpointsAsync(jobId),
            steps, await fleet.Jobs.TotalStepsAsync(jobId),
            result.ValueKind == JsonValueKind.Object ? result.GetProperty("testLoss").GetDouble() : null,
            result.ValueKind == JsonValueKind.Object ? result.GetProperty("testAccuracy").GetDouble() : null);
    }

    /// <summary>Metric rows beyond one per epoch.</summary>
    public int DuplicateMetricRows => Metrics.Count - Metrics.Select(m => m.Epoch).Distinct().Count();

    public IReadOnlyList<int> MissingEpochs => Enumerable.Range(1, TotalEpochs).Except(Metrics.Select(m => m.Epoch)).ToList();

    /// <summary>Exactly the rows 1..E, each once.</summary>
    public bool OneMetricRowPerEpoch => Metrics.Select(m => m.Epoch).SequenceEqual(Enumerable.Range(1, TotalEpochs));

    /// <summary>
    /// One step-loss row per epoch, each starting where the previous ones end (firstStep = the sum of
    /// the earlier lengths), and the API's step count equal to that sum: no gap, no overlap.
    /// </summary>
    public bool StepSeriesContiguous
    {
        get
        {
            if (!Steps.Select(s => s.Epoch).SequenceEqual(Enumerable.Range(1, TotalEpochs))) return false;
            long next = 0;
            foreach (var range in Steps)
            {
                if (range.FirstStep != next) return false;
                next += range.Count;
            }
            return next == ApiTotalSteps;
        }
    }

    public string? Sha256Of(string checkpoint) => Checkpoints.FirstOrDefault(c => c.Name == checkpoint)?.Sha256;

    public IReadOnlyList<string> AttemptEndings => Attempts.Select(a => a.Reason ?? "open").ToList();
}

/// <summary>One epoch's stored step losses: where they start in the run, how many, and a hash of the float32 bytes.</summary>
public sealed record StepRange(int Epoch, long FirstStep, int Count, string Sha256);
