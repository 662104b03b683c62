using TrainingService.Contracts.Predictions;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Transforms;
using static TorchSharp.torch;

namespace TrainingService.Core.Prediction;

/// <summary>
/// A job's network with one checkpoint's weights, in eval mode, and its evaluation pipeline: built once, used by many
/// requests. It is reference counted: whoever built it holds the first reference (the cache, or a request when nothing
/// caches it), each request takes one with <see cref="TryAcquire"/>, and the module is disposed when the last one is
/// released, so an eviction never pulls the weights from under a request that is still running them.
/// </summary>
public sealed class LoadedNetwork : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> module;
    private readonly BatchTransformPipeline pipeline;
    private readonly object references = new();
    private readonly object forward = new();
    private int count = 1;

    public LoadedNetwork(nn.Module<Tensor, Tensor> module, BatchTransformPipeline pipeline, DatasetInfo dataset)
    {
        this.module = module;
        this.pipeline = pipeline;
        Dataset = dataset;
        module.eval();
        SizeBytes = module.parameters().Concat(module.buffers()).Sum(tensor => tensor.numel() * tensor.ElementSize);
    }

    public DatasetInfo Dataset { get; }

    /// <summary>What its parameters and buffers hold: the weight a cache bounded by memory counts it as.</summary>
    public long SizeBytes { get; }

    public bool IsDisposed { get { lock (references) return count == 0; } }

    /// <summary>Another reference, to be given back with <see cref="Release"/>; false once the module is gone.</summary>
    public bool TryAcquire()
    {
        lock (references)
        {
            if (count == 0) return false;
            count++;
            return true;
        }
    }

    public void Release()
    {
        lock (references)
        {
            if (count == 0) throw new InvalidOperationException("The network was released more often than acquired.");
            if (--count > 0) return;
        }
        module.Dispose();
    }

    /// <summary>Gives back the builder's reference.</summary>
    public void Dispose() => Release();

    /// <summary>
    /// The top <paramref name="topK"/> classes of each of the uint8 [N, C, H, W] <paramref name="images"/>, all in one
    /// forward pass, and the network's input per image when asked. The caller holds a reference.
    /// </summary>
    public PredictionBatch Predict(Tensor images, int topK, bool includeInput)
    {
        // Forward passes through one module are serialised: libtorch promises nothing for concurrent use of a module,
        // TorchSharp's hooks and dispose scopes are per thread, and on the CPU one pass already uses every intra-op thread.
        lock (forward)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var input = pipeline.Apply(images);
            var probabilities = module.call(input).softmax(1);
            var k = Math.Min(topK, (int)probabilities.shape[1]);
            var (values, indices) = probabilities.topk(k, dim: 1);
            var p = values.to(float64).data<double>().ToArray();
            var c = indices.data<long>().ToArray();
            var top = Enumerable.Range(0, (int)images.shape[0]).Select(image => (IReadOnlyList<ClassProbability>)Enumerable.Range(0, k)
                .Select(rank => Entry((int)c[(image * k) + rank], p[(image * k) + rank])).ToList()).ToList();
            return new PredictionBatch(top, includeInput ? NetworkInputImages.From(input) : null);
        }
    }

    private ClassProbability Entry(int index, double probability) =>
        new(index, index < Dataset.ClassNames.Count ? Dataset.ClassNames[index] : $"class {index}", probability);
}
