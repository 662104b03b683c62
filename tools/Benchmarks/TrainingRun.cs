using System.Diagnostics;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Evaluation;
using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.Benchmarks;

/// <summary>
/// Training as the worker runs it: the planned network, SGD from the job optimizer factory, and
/// <see cref="EpochTrainer"/> itself, so the timed step is forward, cross-entropy, backward and the
/// optimizer step with the trainer's own bookkeeping, not a lookalike.
/// </summary>
internal sealed class TrainingRun : IDisposable
{
    /// <summary>The README's example job: SGD, learning rate 0.05, momentum 0.9, no weight decay.</summary>
    public const double LearningRate = 0.05;
    public const double Momentum = 0.9;

    private readonly nn.Module<Tensor, Tensor> model;
    private readonly optim.Optimizer optimizer;
    private readonly EpochTrainer trainer;
    private readonly SilentObserver observer = new();

    public TrainingRun(NetworkPlan plan, int batchSize, long seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        manual_seed(seed);
        // Built on the CPU, where the benchmark runs, so there is nothing to move.
        model = ModuleBuilder.Build(plan.Network);
        var hyperparameters = new Hyperparameters(1, batchSize, LearningRate, OptimizerKinds.Sgd, Momentum, 0, seed);
        optimizer = RecipeOptimizerFactory.Create(hyperparameters.ToOptimizerSpec(), model.parameters());
        trainer = new EpochTrainer(model, optimizer, CPU, new TrainingOptions().BatchProgressInterval,
            new TrainingStepSettings(new ConstantSchedule(LearningRate), null, 0));
    }

    public static string Optimizer => ReportWriter.Invariant($"SGD lr {LearningRate} momentum {Momentum}");

    /// <summary>Loss and accuracy of the last epoch run, to show the timed steps really learn.</summary>
    public EpochProgress? LastResult { get; private set; }

    public long ParameterCount => model.parameters().Sum(p => p.numel());

    public Repetition Epoch(BatchLoader loader, int epochIndex)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var clock = Stopwatch.StartNew();
        // The trainer numbers epochs from 1 and shuffles with epoch - 1, the loader's index.
        LastResult = trainer.Train(loader, epochIndex + 1, EpochProgress.Start, observer, CancellationToken.None);
        return new Repetition(clock.Elapsed.TotalSeconds, loader.BatchesPerEpoch, LastResult.Count);
    }

    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
    }
}
