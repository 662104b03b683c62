using System.Globalization;
using System.Text.Json;
using TrainingService.Contracts.Sweeps;

namespace TrainingService.Web.Tests.Features.Sweeps;

/// <summary>Sweeps and trials as the Api sends them, built from the contracts the Api serialises.</summary>
public static class SweepSamples
{
    public static readonly Guid SweepId = Guid.Parse("00000000-0000-0000-0000-000000005ee0");
    public static readonly DateTimeOffset Created = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public static SweepSubmission Definition(string mode = "max", string metric = "validation_accuracy", bool asha = true) => new(
        "lr sweep",
        JsonDocument.Parse("""{"model":{"name":"lenet5"},"dataset":{"name":"mnist"},"hyperparameters":{"epochs":4,"batchSize":64,"learningRate":0.05}}""").RootElement,
        new Dictionary<string, SearchParameterSubmission>
        {
            ["hyperparameters.learningRate"] = new(null, "loguniform", 0.001, 0.1),
            ["hyperparameters.optimizer"] = new([Json("\"sgd\""), Json("\"adam\""), Json("\"adamw\"")], null, null, null),
            ["hyperparameters.batchSize"] = new(null, "int", 16, 64),
        },
        "random", 7, 4, 2, metric, mode,
        asha ? new EarlyStoppingSubmission("asha", 1, 4) : null);

    public static SweepTrialResource Trial(int number, double? best, double lr = 0.01, string optimizer = "sgd", int batch = 32,
        string status = "Succeeded", string? reason = null, Guid? jobId = null) => new(
        jobId ?? JobOf(number),
        number,
        status,
        reason,
        new Dictionary<string, JsonElement>
        {
            ["hyperparameters.learningRate"] = Json(lr.ToString(CultureInfo.InvariantCulture)),
            ["hyperparameters.optimizer"] = Json($"\"{optimizer}\""),
            ["hyperparameters.batchSize"] = Json(batch.ToString(CultureInfo.InvariantCulture)),
        },
        best is null ? 0 : 2,
        best,
        best is null ? null : 2,
        best,
        null,
        reason?.StartsWith("stopped by ASHA", StringComparison.Ordinal) == true,
        reason?.StartsWith("stopped by ASHA", StringComparison.Ordinal) == true ? 1 : null);

    public static Guid JobOf(int trialNumber) => new(trialNumber, 0x5ee, 0, new byte[8]);

    public static SweepResource Sweep(SweepSubmission definition, SweepStatus status = SweepStatus.Running, SweepBestTrial? best = null) => new(
        SweepId, definition.Name!, status, null, "alice", Created, Created, null, definition,
        new SweepTrialCounts(4, 4, 0, 1, 2, 1, 1, 0), best);

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
