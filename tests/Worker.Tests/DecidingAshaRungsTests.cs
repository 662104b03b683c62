using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;
using TrainingService.Core.Sweeps;

namespace TrainingService.Worker.Tests;

/// <summary>The worker's ASHA decisions against the real database, with the epochs written by hand.</summary>
public sealed class DecidingAshaRungsTests
{
    [Fact]
    public async Task A_rung_is_decided_once_per_trial_and_a_worse_second_trial_is_asked_to_cancel_with_the_reason()
    {
        await using var worker = await WorkerHost.StartAsync();
        var contexts = worker.Get<IDbContextFactory<TrainingDbContext>>();
        var lifecycle = worker.Get<JobLifecycle>();
        var trials = new TrialSpecs(new JobSpecValidator(worker.Get<ModelRegistry>(), worker.Get<DatasetRegistry>(), worker.Get<NetworkPlanner>(), new JobSpecLimits()));
        var sweeps = new SweepLifecycle(contexts, lifecycle, worker.Get<JobDispatcher>(), trials, TimeProvider.System, NullLogger<SweepLifecycle>.Instance);
        var submission = new SweepSubmission("rungs", JsonDocument.Parse("""
            {"model": {"name": "lenet5"}, "dataset": {"name": "mnist", "validationFraction": 0.1},
             "hyperparameters": {"epochs": 4, "batchSize": 32, "learningRate": 0.01}}
            """).RootElement,
            new Dictionary<string, SearchParameterSubmission> { ["hyperparameters.learningRate"] = new([JsonSerializer.SerializeToElement(0.01), JsonSerializer.SerializeToElement(0.02)], null, null, null) },
            null, null, null, null, null, null, new EarlyStoppingSubmission("asha", 1, 2));
        var validation = new SweepSubmissionValidator(trials).Validate(submission, maxActiveJobs: null);
        var sweep = await sweeps.CreateAsync(validation.Spec!, validation.Trials, null, null, CancellationToken.None);
        await using var db = await contexts.CreateDbContextAsync();
        var jobIds = await db.Jobs.Where(j => j.SweepId == sweep.Id).OrderBy(j => j.TrialNumber).Select(j => j.Id).ToListAsync();
        var runs = new List<JobRun>();
        foreach (var (id, accuracy) in jobIds.Zip([0.8, 0.5]))
        {
            runs.Add((await lifecycle.TryStartRunAsync(id, "test-worker", CancellationToken.None))!);
            db.EpochMetrics.Add(new EpochMetricsRecord { JobId = id, Epoch = 1, TrainLoss = 1, TrainAccuracy = accuracy, ValidationAccuracy = accuracy, RecordedAt = DateTimeOffset.UtcNow });
        }
        await db.SaveChangesAsync();
        var referee = new AshaReferee(contexts, lifecycle, TimeProvider.System);

        var first = await referee.DecideAsync(runs[0], CancellationToken.None);
        var firstAgain = await referee.DecideAsync(runs[0], CancellationToken.None);
        var second = await referee.DecideAsync(runs[1], CancellationToken.None);
        var secondAgain = await referee.DecideAsync(runs[1], CancellationToken.None);

        Assert.Equal(((int?)null, (int?)null, (int?)1, (int?)null), (first, firstAgain, second, secondAgain));
        var rungs = await db.SweepRungs.AsNoTracking().OrderBy(r => r.RecordedAt).ToListAsync();
        Assert.Equal([(1, 1, 0.8, (double?)null, false), (1, 1, 0.5, 0.8, true)], rungs.Select(r => (r.Rung, r.Epoch, r.Value, r.Cutoff, r.Stopped)));
        var stopped = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobIds[1]);
        Assert.Equal((StopRequest.Cancel, "stopped by ASHA at rung 1"), (stopped.StopRequest, stopped.StopReason));
        Assert.Null((await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobIds[0])).StopRequest);

        Assert.True(await lifecycle.CancelRunAsync(runs[1], CancellationToken.None));
        var ended = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobIds[1]);
        Assert.Equal((JobStatus.Cancelled, "stopped by ASHA at rung 1", (string?)null), (ended.Status, ended.StatusReason, ended.StopReason));
    }
}
