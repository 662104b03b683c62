using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TrainingService.EndToEnd.Tests.Browser;

/// <summary>
/// The sweep routes: <c>POST /api/sweeps</c> keeps the body it got and answers with <see cref="KnownSweep"/>, whose
/// three trials (one stopped by ASHA) and two rung decisions are fixed; its best trial is <see cref="StandInApi.KnownJob"/>, so
/// the page finds that job's epochs for the best trial's curves.
/// </summary>
public sealed class StandInSweeps
{
    public static readonly Guid KnownSweep = Guid.Parse("00000000-0000-0000-0000-0000000005ee");

    private static readonly Guid SecondTrial = Guid.Parse("00000000-0000-0000-0000-0000000005e2");
    private static readonly Guid ThirdTrial = Guid.Parse("00000000-0000-0000-0000-0000000005e3");
    private readonly ConcurrentQueue<string> sweepSubmissions = new();

    /// <summary>The bodies <c>POST /api/sweeps</c> received, as sent.</summary>
    public IReadOnlyCollection<string> Submissions => [.. sweepSubmissions];

    public void Map(WebApplication app)
    {
        app.MapPost("/api/sweeps", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            sweepSubmissions.Enqueue(await reader.ReadToEndAsync());
            return Results.Content(Sweep, "application/json", statusCode: StatusCodes.Status201Created);
        });
        app.MapGet("/api/sweeps", () => Results.Content($$"""{"items":[{{Sweep}}],"page":1,"pageSize":20,"totalCount":1}""", "application/json"));
        app.MapGet($"/api/sweeps/{KnownSweep}", () => Results.Content(Sweep, "application/json"));
        app.MapGet($"/api/sweeps/{KnownSweep}/trials", () => Results.Content(Trials, "application/json"));
        app.MapGet($"/api/sweeps/{KnownSweep}/rungs", () => Results.Content(Rungs, "application/json"));
    }

    private static readonly string Sweep = $$"""
        {"id":"{{KnownSweep}}","name":"lenet5 lr sweep","status":"Running","statusReason":null,"owner":"root",
         "createdAt":"2026-11-23T02:00:00Z","updatedAt":"2026-11-23T02:05:00Z","finishedAt":null,
         "definition":{"name":"lenet5 lr sweep",
           "base":{"model":{"name":"lenet5","numClasses":10},"dataset":{"name":"mnist","validationFraction":0.1},"hyperparameters":{"epochs":4,"batchSize":64,"learningRate":0.05} },
           "parameters":{"hyperparameters.learningRate":{"values":null,"distribution":"loguniform","min":0.001,"max":0.1},
                         "hyperparameters.optimizer":{"values":["sgd","adam"],"distribution":null,"min":null,"max":null} },
           "method":"random","seed":7,"maxTrials":3,"maxConcurrent":2,"metric":"validation_accuracy","mode":"max",
           "earlyStopping":{"kind":"asha","gracePeriod":1,"reductionFactor":2} },
         "trials":{"planned":3,"created":3,"queued":0,"running":1,"succeeded":1,"stopped":1,"cancelled":1,"failed":0},
         "best":{"jobId":"{{StandInApi.KnownJob}}","trialNumber":1,"value":0.86,"epoch":2} }
        """;

    private static readonly string Trials = $$"""
        [{"jobId":"{{StandInApi.KnownJob}}","trialNumber":1,"status":"Succeeded","statusReason":null,
          "parameters":{"hyperparameters.learningRate":0.05,"hyperparameters.optimizer":"sgd"},
          "epochsCompleted":4,"bestValue":0.86,"bestEpoch":2,"lastValue":0.85,"testAccuracy":0.87,"stoppedByAsha":false,"stoppedAtRung":null},
         {"jobId":"{{SecondTrial}}","trialNumber":2,"status":"Cancelled","statusReason":"stopped by ASHA at rung 1",
          "parameters":{"hyperparameters.learningRate":0.002,"hyperparameters.optimizer":"adam"},
          "epochsCompleted":1,"bestValue":0.41,"bestEpoch":1,"lastValue":0.41,"testAccuracy":null,"stoppedByAsha":true,"stoppedAtRung":1},
         {"jobId":"{{ThirdTrial}}","trialNumber":3,"status":"Running","statusReason":null,
          "parameters":{"hyperparameters.learningRate":0.02,"hyperparameters.optimizer":"sgd"},
          "epochsCompleted":2,"bestValue":0.8,"bestEpoch":2,"lastValue":0.8,"testAccuracy":null,"stoppedByAsha":false,"stoppedAtRung":null}]
        """;

    private static readonly string Rungs = $$"""
        [{"rung":1,"epoch":1,"jobId":"{{StandInApi.KnownJob}}","trialNumber":1,"value":0.75,"cutoff":null,"stopped":false,"recordedAt":"2026-11-23T02:01:00Z"},
         {"rung":1,"epoch":1,"jobId":"{{SecondTrial}}","trialNumber":2,"value":0.41,"cutoff":0.75,"stopped":true,"recordedAt":"2026-11-23T02:02:00Z"}]
        """;
}
