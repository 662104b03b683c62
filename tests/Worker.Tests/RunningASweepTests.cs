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
using TrainingService.Core.Training;

namespace TrainingService.Worker.Tests;

/// <summary>One real sweep: trials trained by TorchSharp through the real Hangfire server, ASHA deciding in the worker.</summary>
public sealed class RunningASweepTests
{
    [Fact]
    public async Task A_trial_ASHA_stops_ends_cancelled_with_the_reason_and_its_checkpoints_and_the_sweep_completes()
    {
        await using var worker = await WorkerHost.StartAsync(startServices: true);
        var trials = new TrialSpecs(new JobSpecValidator(worker.Get<ModelRegistry>(), worker.Get<DatasetRegistry>(), worker.Get<NetworkPlanner>(), new JobSpecLimits()));
        var sweeps = new SweepLifecycle(worker.Get<IDbContextFactory<TrainingDbContext>>(), worker.Get<JobLifecycle>(), worker.Get<JobDispatcher>(), trials,
            TimeProvider.System, NullLogger<SweepLifecycle>.Instance);
        // One trial at a time, so the order is fixed: trial 1 learns and sets rung 1's bar; trial 2's learning rate is too
        // small to move its loss, so it is worse than the median of [trial 1] and stopped; trial 3 learns and goes on.
        var submission = new SweepSubmission("asha", JsonDocument.Parse("""
            {"model": {"name": "lenet5"}, "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": 512, "testLimit": 128},
             "hyperparameters": {"epochs": 2, "batchSize": 16, "learningRate": 0.002, "optimizer": "adam", "seed": 3}}
            """).RootElement,
            new Dictionary<string, SearchParameterSubmission>
            {
                ["hyperparameters.learningRate"] = new([JsonSerializer.SerializeToElement(0.002), JsonSerializer.SerializeToElement(1e-7), JsonSerializer.SerializeToElement(0.001)], null, null, null),
            },
            null, null, null, 1, "validation_loss", null, new EarlyStoppingSubmission("asha", 1, 2));
        var validation = new SweepSubmissionValidator(trials).Validate(submission, maxActiveJobs: null);
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

        var sweep = await sweeps.CreateAsync(validation.Spec!, validation.Trials, owner: null, maxActiveJobs: null, CancellationToken.None);
        var queries = worker.Get<JobQueries>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        SweepRecord stored;
        while (true)
        {
            await sweeps.AdvanceAsync(null, timeout.Token);
            await using var db = await worker.Get<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(timeout.Token);
            stored = await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == sweep.Id, timeout.Token);
            if (stored.Status != SweepStatus.Running) break;
            await Task.Delay(200, timeout.Token);
        }

        await using var read = await worker.Get<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        var jobs = await read.Jobs.AsNoTracking().Where(j => j.SweepId == sweep.Id).OrderBy(j => j.TrialNumber).ToListAsync();
        var rungs = await read.SweepRungs.AsNoTracking().Where(r => r.SweepId == sweep.Id).OrderBy(r => r.RecordedAt).ToListAsync();
        Assert.Equal(SweepStatus.Completed, stored.Status);
        Assert.Equal([JobStatus.Succeeded, JobStatus.Cancelled, JobStatus.Succeeded], jobs.Select(j => j.Status));
        var stopped = jobs[1];
        Assert.Equal("stopped by ASHA at rung 1", stopped.StatusReason);
        Assert.Null(stopped.StopReason);
        Assert.Equal(1e-7, stopped.Spec.Hyperparameters.LearningRate);
        Assert.True(stopped.CurrentEpoch < 2, "the stopped trial did not train its second epoch to the end");
        foreach (var name in new[] { CheckpointNames.Training, CheckpointNames.Best, CheckpointNames.Last })
        {
            var checkpoint = await queries.CheckpointAsync(stopped.Id, name, CancellationToken.None);
            Assert.True(checkpoint is not null, $"the stopped trial has no {name} checkpoint");
            Assert.True(File.Exists(Path.Combine(worker.CheckpointRoot, checkpoint.RelativePath)));
        }
        Assert.Equal([(jobs[0].Id, false), (stopped.Id, true), (jobs[2].Id, false)], rungs.Select(r => (r.JobId, r.Stopped)));
        Assert.Equal((1, 1), (rungs[1].Rung, rungs[1].Epoch));
        Assert.Equal(rungs[0].Value, rungs[1].Cutoff);
        Assert.True(rungs[1].Value > rungs[0].Value, "the stopped trial's loss was worse than the first trial's");
    }
}
