using System.Diagnostics;
using TorchSharp;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Evaluation;
using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.TrainingComparison;

/// <summary>
/// Our side, as the worker trains: the planned network from <see cref="ModuleBuilder"/>, SGD from the recipe's
/// optimizer factory, and <see cref="EpochTrainer"/> itself over a <see cref="BatchLoader"/>.
/// </summary>
public sealed class OurTraining : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> model;
    private readonly optim.Optimizer optimizer;
    private readonly EpochTrainer trainer;
    private readonly BatchLoader loader;
    private readonly ComparisonSettings settings;
    private readonly bool channelsLastPhases;
    private readonly Device device;
    private int epochs;

    public OurTraining(NetworkPlan plan, LabeledImages data, ComparisonSettings settings, bool otherLayout = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        device = TrainingDevice.Resolve(settings.Device);
        manual_seed(settings.Seed);
        model = otherLayout && ChannelsLastRule.Applies(plan.Network) ? ModuleBuilder.Build(plan.Network.Root) : ModuleBuilder.Build(plan.Network);
        // Built from the seed on the CPU and moved, as the worker does, so both devices start from the same weights.
        model.to(device);
        Layout = ChannelsLastRule.Applies(plan.Network) != otherLayout ? "NHWC" : "NCHW";
        var wrapInput = otherLayout && !ChannelsLastRule.Applies(plan.Network);
        var hyperparameters = new Hyperparameters(1, settings.BatchSize, settings.LearningRate, OptimizerKinds.Sgd, settings.Momentum, 0, settings.Seed);
        optimizer = RecipeOptimizerFactory.Create(hyperparameters.ToOptimizerSpec(), model.parameters());
        trainer = new EpochTrainer(wrapInput ? new ChannelsLastInput(model) : model, optimizer, device, new TrainingOptions().BatchProgressInterval,
            new TrainingStepSettings(new ConstantSchedule(settings.LearningRate), null, 0));
        channelsLastPhases = wrapInput;
        loader = new BatchLoader(data, settings.BatchSize, shuffle: true, settings.Seed, device, plan.Pipeline);
    }

    public nn.Module<Tensor, Tensor> Model => model;

    /// <summary>The layout the network's convolutions see: NHWC where <see cref="ChannelsLastRule"/> applies, unless this is the other-layout variant.</summary>
    public string Layout { get; }

    /// <summary>The order our loader visits the samples in its first epoch: the worker's randperm for the seed.</summary>
    public static long[] FirstEpochOrder(long count, long seed)
    {
        using var generator = new Generator(unchecked((ulong)seed));
        using var order = randperm(count, generator: generator);
        return order.data<long>().ToArray();
    }

    public EpochFigures Epoch()
    {
        Synchronize();
        var clock = Stopwatch.StartNew();
        // The trainer numbers epochs from 1 and shuffles with epoch - 1, the loader's index.
        var result = trainer.Train(loader, ++epochs, EpochProgress.Start, SilentObserver.Instance, CancellationToken.None);
        Synchronize();
        var seconds = clock.Elapsed.TotalSeconds;
        return new EpochFigures(seconds, result.Count, result.StepLosses[0], result.Loss, result.Accuracy);
    }

    /// <summary>The trainer's step, taken apart: the same calls, with a clock read between them (after a device synchronisation on CUDA).</summary>
    public PhaseFigures Phases()
    {
        model.train();
        var (data, forward, backward, step) = (0.0, 0.0, 0.0, 0.0);
        long images = 0;
        using var batches = loader.Epoch(epochs++).GetEnumerator();
        Synchronize();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var scope = NewDisposeScope();
            Synchronize();
            clock.Restart();
            if (!batches.MoveNext())
            {
                break;
            }
            var (x, y) = batches.Current;
            data += Lap(clock);
            optimizer.zero_grad();
            var loss = LossFunction.CrossEntropy(model.call(channelsLastPhases ? ChannelsLastInput.Convert(x) : x), y);
            forward += Lap(clock);
            loss.backward();
            backward += Lap(clock);
            optimizer.step();
            step += Lap(clock);
            images += y.shape[0];
        }
        return new PhaseFigures(data, forward, backward, step, images);
    }

    public void Dispose()
    {
        loader.Dispose();
        optimizer.Dispose();
        model.Dispose();
    }

    /// <summary>CUDA runs asynchronously: a clock read means something only once the queued kernels are done.</summary>
    private void Synchronize()
    {
        if (device.type == DeviceType.CUDA)
        {
            cuda.synchronize(device);
        }
    }

    private double Lap(Stopwatch clock)
    {
        Synchronize();
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }
}
