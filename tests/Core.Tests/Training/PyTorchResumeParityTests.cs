using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets.Synthetic;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Models.PyTorch;
using TrainingService.Core.Tests.Checkpoints;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Recipe;
using TrainingService.Core.Training.Resume;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Training;

/// <summary>
/// A training checkpoint continues in real PyTorch (Debian's 1.13): the job's PyTorch class takes its
/// "model", the checkpoint's <c>torch.optim</c> class takes its "optimizer", and one step on a fixed batch
/// gives the weights the service's own next step gives.
/// </summary>
[Collection(Models.ZooCollection.Name)]
public sealed class PyTorchResumeParityTests : IDisposable
{
    private readonly ExecutorHarness _harness = new();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("resume-parity-");

    [SkippableTheory]
    [InlineData("sgd", 0.9, false)]
    [InlineData("sgd", 0.9, true)]
    [InlineData("adam", 0.0, false)]
    [InlineData("adamw", 0.0, false)]
    [InlineData("rmsprop", 0.5, false)]
    public async Task One_step_from_a_training_checkpoint_in_pytorch_gives_the_weights_the_service_gives(string optimizer, double momentum, bool nesterov)
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var spec = new TrainingJobSpec("parity", new ModelSpec("lenet5", 10),
            new DatasetSpec("synthetic", 0.25, Synthetic: new SyntheticDatasetSpec(Channels: 1, TrainSize: 128, TestSize: 32)),
            new Hyperparameters(2, 32, optimizer == "sgd" ? 0.05 : 0.001, optimizer, momentum, 1e-4, 5) { Nesterov = nesterov });
        using var stop = new CancellationTokenSource();
        var observer = new RecordingObserver { AfterEpoch = _ => stop.Cancel() };
        await _harness.Executor.RunAsync(new TrainingRequest(Guid.NewGuid(), 1, spec, null, null), observer, stop.Token);
        var checkpointPath = observer.LatestTrainingCheckpoint.File.Path;
        var network = new NetworkPlanner(ModelRegistry.CreateDefault())
            .Plan(spec.Model, _harness.Datasets.Resolve(spec.Dataset).Info, spec.Dataset.Transforms, new ValidationErrors())!.Network;
        var (images, labels) = FixedBatch();

        var before = await ReadModelAsync(checkpointPath);
        var ours = await StepInServiceAsync(spec, network, checkpointPath, images, labels);
        var theirs = StepInPyTorch(network, checkpointPath, images, labels);

        Assert.Equal(ours.Select(t => t.Key), theirs.Select(t => t.Key));
        foreach (var ((mine, torch), start) in ours.Zip(theirs).Zip(before))
        {
            var (a, b, s) = (Floats(mine), Floats(torch), Floats(start));
            var scale = b.Max(Math.Abs);
            Assert.True(a.Zip(b).Max(p => Math.Abs(p.First - p.Second)) <= 1e-5 * scale, $"{mine.Key} differs by more than 1e-5 of its largest weight");
            // The step itself must agree too, not only the weights it barely moved.
            var update = b.Zip(s).Select(p => p.First - p.Second).ToArray();
            var difference = a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
            Assert.True(update.Max(Math.Abs) > 0, $"{mine.Key} did not move in PyTorch's step");
            Assert.True(difference <= 1e-3 * update.Max(Math.Abs) + 1e-7, $"{mine.Key}: the service's update differs from PyTorch's by {difference}");
        }
    }

    private static (float[] Images, long[] Labels) FixedBatch()
    {
        var random = new Random(42);
        return (Enumerable.Range(0, 16 * 32 * 32).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray(),
            Enumerable.Range(0, 16).Select(i => (long)(i % 10)).ToArray());
    }

    private static async Task<IReadOnlyList<StateTensor>> ReadModelAsync(string checkpointPath) =>
        (await new TrainingCheckpointFile().ReadAsync(checkpointPath, CancellationToken.None)).Model;

    private static async Task<IReadOnlyList<StateTensor>> StepInServiceAsync(TrainingJobSpec spec, NetworkSpec network,
        string checkpointPath, float[] images, long[] labels)
    {
        var saved = await new TrainingCheckpointFile().ReadAsync(checkpointPath, CancellationToken.None);
        using var scope = NewDisposeScope();
        using var model = ModuleBuilder.Build(network);
        StateDictConversion.LoadInto(model, saved.Model);
        using var optimizer = RecipeOptimizerFactory.Create(spec.Hyperparameters.ToOptimizerSpec(), model.parameters());
        OptimizerStateConversion.Restore(optimizer, saved.Optimizer, CPU);
        OptimizerLearningRate.Set(optimizer, saved.LearningRate);
        model.train();
        optimizer.zero_grad();
        var loss = LossFunction.CrossEntropy(model.call(tensor(images, [16, 1, 32, 32])), tensor(labels));
        loss.backward();
        optimizer.step();
        return StateDictConversion.FromModule(model);
    }

    private IReadOnlyList<StateTensor> StepInPyTorch(NetworkSpec network, string checkpointPath, float[] images, long[] labels)
    {
        var source = Path.Combine(_work.FullName, "model.py");
        File.WriteAllText(source, PyTorchSourceEmitter.Emit(network));
        var batch = Path.Combine(_work.FullName, "batch.pth");
        using (var file = File.Create(batch))
        {
            new TorchObjectWriter().Write(file, new TorchDict
            {
                { "x", new TensorValue(StateTensorType.Float32, [16, 1, 32, 32], images.SelectMany(BitConverter.GetBytes).ToArray()) },
                { "y", new TensorValue(StateTensorType.Int64, [16], labels.SelectMany(BitConverter.GetBytes).ToArray()) },
            });
        }
        var output = Path.Combine(_work.FullName, "after.pth");
        DebianTorch.RunFile(Path.Combine(DebianTorch.ToolsFolder, "resume_step.py"), checkpointPath, source,
            PyTorchSourceEmitter.DefaultClassName(network), batch, output);
        using var result = File.OpenRead(output);
        return new PthReader().Read(result);
    }

    private static float[] Floats(StateTensor tensor) => tensor.Type == StateTensorType.Float32
        ? Enumerable.Range(0, (int)tensor.ElementCount).Select(i => BitConverter.ToSingle(tensor.Data, i * 4)).ToArray()
        : [];

    public void Dispose()
    {
        _harness.Dispose();
        _work.Delete(recursive: true);
    }
}
