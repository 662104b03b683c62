using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingService.Core;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using TrainingService.Core.Training;
using TrainingService.Worker.Jobs;
using static TorchSharp.torch;

namespace TrainingService.Worker.Tests;

/// <summary>Cancel, pause and resume through the job row and the control channel, against the real runner and database.</summary>
public sealed class ControllingRunsTests
{
    [Fact]
    public async Task Cancelling_a_running_job_stops_it_at_the_next_batch_with_a_training_checkpoint()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var listener = await StartControlListenerAsync(worker);
        var lifecycle = worker.Get<JobLifecycle>();
        var job = await lifecycle.CreateAsync(SmallJobs.LeNetOnMnistSubset(epochs: 50), null, CancellationToken.None);

        var run = Task.Run(() => worker.Get<ITrainingJobRunner>().RunAsync(job.Id, CancellationToken.None));
        await WaitUntilAsync(worker, job.Id, j => j.CurrentEpoch >= 1);
        var (result, _) = await lifecycle.RequestCancelAsync(job.Id, CancellationToken.None);
        var ending = await run.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None);
        Assert.Equal(ControlRequestResult.Requested, result);
        Assert.Equal(RunEnding.Cancelled, ending);
        Assert.Equal(JobStatus.Cancelled, stored!.Status);
        Assert.Null(stored.StopRequest);
        Assert.True(stored.CurrentEpoch < 50, "the run stopped long before its 50 epochs");
        var training = await worker.Get<JobQueries>().CheckpointAsync(job.Id, CheckpointNames.Training, CancellationToken.None);
        Assert.NotNull(training);
        Assert.True(File.Exists(Path.Combine(worker.CheckpointRoot, training.RelativePath)));
        Assert.Equal(AttemptEndReasons.Cancelled, (await worker.Get<JobQueries>().AttemptsAsync(job.Id, CancellationToken.None)).Single().EndReason);
    }

    [Fact]
    public async Task A_paused_job_frees_its_worker_and_resumed_ends_with_the_same_figures_as_an_uninterrupted_run()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var listener = await StartControlListenerAsync(worker);
        var lifecycle = worker.Get<JobLifecycle>();
        var runner = worker.Get<ITrainingJobRunner>();
        var spec = SmallJobs.LeNetOnMnistSubset(epochs: 3);
        var whole = await lifecycle.CreateAsync(spec, null, CancellationToken.None);
        await runner.RunAsync(whole.Id, CancellationToken.None);
        var paused = await lifecycle.CreateAsync(spec, null, CancellationToken.None);

        var first = Task.Run(() => runner.RunAsync(paused.Id, CancellationToken.None));
        await WaitUntilAsync(worker, paused.Id, j => j.CurrentEpoch >= 1);
        await lifecycle.RequestPauseAsync(paused.Id, CancellationToken.None);
        Assert.Equal(RunEnding.Paused, await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(JobStatus.Paused, (await worker.Get<JobQueries>().FindAsync(paused.Id, CancellationToken.None))!.Status);
        Assert.Equal(RunEnding.NothingToDo, await runner.RunAsync(paused.Id, CancellationToken.None));
        await lifecycle.ResumeAsync(paused.Id, CancellationToken.None);
        Assert.Equal(RunEnding.Succeeded, await runner.RunAsync(paused.Id, CancellationToken.None));

        var queries = worker.Get<JobQueries>();
        var (a, b) = ((await queries.FindAsync(whole.Id, CancellationToken.None))!, (await queries.FindAsync(paused.Id, CancellationToken.None))!);
        Assert.Equal((a.TestLoss, a.TestAccuracy, a.BestEpoch), (b.TestLoss, b.TestAccuracy, b.BestEpoch));
        Assert.Equal((await queries.MetricsAsync(whole.Id, CancellationToken.None)).Select(m => (m.Epoch, m.TrainLoss, m.ValidationLoss)),
            (await queries.MetricsAsync(paused.Id, CancellationToken.None)).Select(m => (m.Epoch, m.TrainLoss, m.ValidationLoss)));
        Assert.Equal((await queries.CheckpointAsync(whole.Id, CheckpointNames.Last, CancellationToken.None))!.Sha256,
            (await queries.CheckpointAsync(paused.Id, CheckpointNames.Last, CancellationToken.None))!.Sha256);
        var attempts = await queries.AttemptsAsync(paused.Id, CancellationToken.None);
        Assert.Equal([AttemptEndReasons.Paused, AttemptEndReasons.Finished], attempts.Select(x => x.EndReason));
        Assert.True(attempts[1].StartStep > 0, "the second attempt started where the pause left off");
        var steps = await queries.StepLossesAsync(paused.Id, CancellationToken.None);
        Assert.Equal(steps.Select(s => (s.Epoch, s.FirstStep, s.Unpack().Length)), (await queries.StepLossesAsync(whole.Id, CancellationToken.None)).Select(s => (s.Epoch, s.FirstStep, s.Unpack().Length)));
    }

    [Fact]
    public async Task Predicting_with_a_job_trained_on_auto_normalisation_uses_the_statistics_the_run_trained_with()
    {
        await using var worker = await WorkerHost.StartAsync();
        var spec = SmallJobs.LeNetOnMnistSubset(epochs: 1) with { Dataset = SmallJobs.LeNetOnMnistSubset().Dataset with { Transforms = new InputTransformsSpec { Normalize = NormalizationKinds.Auto } } };
        var job = await worker.Get<JobLifecycle>().CreateAsync(spec, null, CancellationToken.None);
        await worker.Get<ITrainingJobRunner>().RunAsync(job.Id, CancellationToken.None);
        var stored = (await worker.Get<JobQueries>().FindAsync(job.Id, CancellationToken.None))!;
        var best = (await worker.Get<JobQueries>().CheckpointAsync(job.Id, CheckpointNames.Best, CancellationToken.None))!;

        using var splits = await worker.Get<DatasetRegistry>().Resolve(spec.Dataset).LoadAsync(CancellationToken.None);
        using var data = PreparedSplits.Create(splits, spec.Dataset, spec.Hyperparameters.Seed);
        var predictor = new Predictor(worker.Get<NetworkPlanner>(), worker.Get<DatasetRegistry>());
        var predictions = predictor.Predict(spec, stored.Resolution, Path.Combine(worker.CheckpointRoot, best.RelativePath), data.Test.Images, topK: 1);
        var labels = data.Test.Labels.data<long>().ToArray();

        Assert.NotNull(stored.Resolution!.Normalization);
        Assert.NotEqual(0.1307f, stored.Resolution.Normalization.Mean[0]);
        var accuracy = predictions.Select((p, i) => p[0].ClassIndex == labels[i] ? 1.0 : 0.0).Average();
        Assert.Equal(stored.TestAccuracy!.Value, accuracy, 9);
    }

    private static async Task<IAsyncDisposable> StartControlListenerAsync(WorkerHost worker)
    {
        var listener = worker.Services.GetServices<IHostedService>().OfType<JobControlListener>().Single();
        await listener.StartAsync(CancellationToken.None);
        // LISTEN runs once the connection opens; give it a moment so the first NOTIFY is not missed.
        await Task.Delay(500);
        return new Stopper(listener);
    }

    private static async Task WaitUntilAsync(WorkerHost worker, Guid jobId, Func<TrainingJob, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await worker.Get<JobQueries>().FindAsync(jobId, CancellationToken.None) is { } job && condition(job)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Job {jobId} never reached the awaited state.");
    }

    private sealed class Stopper(IHostedService service) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await service.StopAsync(CancellationToken.None);
    }
}
