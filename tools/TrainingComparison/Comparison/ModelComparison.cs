using System.Runtime.InteropServices;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Synthetic;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.PyTorch;

namespace TrainingService.TrainingComparison;

/// <summary>
/// One model, both sides: synthetic images of the network's own input shape (uint8, in memory on both sides, the same
/// bytes), the same initial weights (ours, written with <see cref="PthWriter"/> and loaded into the class our
/// <see cref="PyTorchSourceEmitter"/> writes), then a warm-up epoch each and timed epochs interleaved: ours, theirs, ours, ...
/// </summary>
public static class ModelComparison
{
    /// <summary>Lets the side that just ran park its OpenMP threads (they spin a while after work) before the other starts.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    /// <param name="progress">Gets a line per timed epoch, for the console.</param>
    /// <exception cref="ArgumentException">The model is unknown, or cannot be planned on its own input.</exception>
    /// <exception cref="InvalidOperationException">The peer failed, or runs on the reference BLAS when OpenBLAS is required.</exception>
    public static async Task<ModelResult> RunAsync(string modelName, InputShape? input, ComparisonSettings settings, PyTorchPeer peer,
        string workFolder, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(peer);
        var models = ModelRegistry.CreateDefault();
        var definition = models.TryGet(modelName, out var found) ? found : throw new ArgumentException($"No model named '{modelName}'.", nameof(modelName));
        var shape = input ?? definition.DefaultInput;
        var source = new SyntheticDatasetSource(new SyntheticDatasetSpec(shape.Channels, shape.Height, shape.Width, 10,
            settings.Batches * settings.BatchSize, 1, settings.Seed));
        using var splits = await source.LoadAsync(CancellationToken.None);
        var errors = new ValidationErrors();
        var plan = new NetworkPlanner(models).Plan(new ModelSpec(modelName, 10), source.Info, null, errors)
            ?? throw new ArgumentException(string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), nameof(input));

        using var ours = new OurTraining(plan, splits.Train, settings);
        using var variant = settings.OtherLayoutVariant ? new OurTraining(plan, splits.Train, settings, otherLayout: true) : null;
        Directory.CreateDirectory(workFolder);
        var files = WriteInputs(plan, splits.Train, ours, settings, workFolder);
        var setup = peer.Send(new
        {
            op = "setup", source = files.Source, @class = PyTorchSourceEmitter.DefaultClassName(plan.Network), weights = files.Weights,
            images = files.Images, labels = files.Labels, first_order = files.FirstOrder,
            shape = new[] { splits.Train.Count, shape.Channels, shape.Height, shape.Width },
            mean = source.Info.Mean, std = source.Info.Std, batch = settings.BatchSize, lr = settings.LearningRate,
            momentum = settings.Momentum, threads = settings.Threads, seed = settings.Seed, device = settings.Device,
            tf32 = settings.TensorFloat32,
        });
        // On CUDA the peer names its device where the CPU run names its BLAS.
        var blas = (settings.OnGpu ? setup["device"] : setup["blas"])?.GetValue<string>() ?? "";
        if (settings.RequireOpenBlas && !blas.Contains("openblas", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"PyTorch runs on '{(blas.Length == 0 ? "no shared BLAS" : blas)}', not OpenBLAS: install libopenblas0-pthread, or the comparison means nothing.");
        }

        var result = new ModelResult(modelName, shape, ours.Model.parameters().Sum(p => p.numel()), splits.Train.Count, settings.BatchSize,
            setup["torch"]?.GetValue<string>() ?? "?", blas);
        result.Layout = ours.Layout;
        result.VariantLayout = variant?.Layout;
        // Warm-up: first-touch allocations, oneDNN's kernel creation, the JIT's tiering, Python's first calls.
        result.OurWarmUp = ours.Epoch();
        Thread.Sleep(Settle);
        result.TheirWarmUp = peer.Epoch();
        variant?.Epoch();
        for (var repetition = 1; repetition <= settings.Repeats; repetition++)
        {
            Thread.Sleep(Settle);
            var our = ours.Epoch();
            Thread.Sleep(Settle);
            var their = peer.Epoch();
            result.Ours.Add(our);
            result.Theirs.Add(their);
            if (variant is not null)
            {
                Thread.Sleep(Settle);
                var other = variant.Epoch();
                result.Variant.Add(other);
                progress?.Invoke(FormattableString.Invariant($"    ours in {variant.Layout}: {other.ImagesPerSecond:N1} images/s, ratio {other.ImagesPerSecond / their.ImagesPerSecond:N2}"));
            }
            progress?.Invoke(FormattableString.Invariant(
                $"  {modelName} repetition {repetition}: ours {our.ImagesPerSecond:N1} images/s, PyTorch {their.ImagesPerSecond:N1} images/s, ratio {our.ImagesPerSecond / their.ImagesPerSecond:N2}"));
        }
        if (settings.Phases)
        {
            Thread.Sleep(Settle);
            result.OurPhases = ours.Phases();
            Thread.Sleep(Settle);
            result.TheirPhases = peer.Phases();
            if (variant is not null)
            {
                Thread.Sleep(Settle);
                result.VariantPhases = variant.Phases();
            }
        }
        return result;
    }

    private static (string Source, string Weights, string Images, string Labels, string FirstOrder) WriteInputs(
        NetworkPlan plan, LabeledImages data, OurTraining ours, ComparisonSettings settings, string folder)
    {
        var files = (Source: Path.Combine(folder, "model.py"), Weights: Path.Combine(folder, "initial.pth"),
            Images: Path.Combine(folder, "images.u8"), Labels: Path.Combine(folder, "labels.i64"), FirstOrder: Path.Combine(folder, "order.i64"));
        // The same text GET /api/models/{name}/pytorch serves.
        File.WriteAllText(files.Source, PyTorchSourceEmitter.Emit(plan.Network));
        using (var stream = File.Create(files.Weights))
        {
            new PthWriter().Write(stream, StateDictConversion.FromModule(ours.Model));
        }
        File.WriteAllBytes(files.Images, data.Images.contiguous().data<byte>().ToArray());
        File.WriteAllBytes(files.Labels, MemoryMarshal.AsBytes(data.Labels.contiguous().data<long>().ToArray().AsSpan()).ToArray());
        // The loader's first epoch, so the first batch of both sides is the same images and their first losses compare.
        File.WriteAllBytes(files.FirstOrder, MemoryMarshal.AsBytes(OurTraining.FirstEpochOrder(data.Count, settings.Seed).AsSpan()).ToArray());
        return files;
    }
}
