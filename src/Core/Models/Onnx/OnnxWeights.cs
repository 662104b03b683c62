using Onnx;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Models.Onnx;

/// <summary>
/// The state dict the graph's initializers come from, checked as strictly as <c>load_state_dict</c>: every key the
/// network needs is there with its shape and float32, and no other key is left over (the batch-norm counters aside,
/// which evaluation never reads).
/// </summary>
internal sealed class OnnxWeights
{
    private readonly Dictionary<string, StateTensor> tensors = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public OnnxWeights(IEnumerable<StateTensor> stateDict)
    {
        foreach (var tensor in stateDict)
        {
            if (!tensors.TryAdd(tensor.Key, tensor))
            {
                throw new ArgumentException($"The weights list '{tensor.Key}' twice.", nameof(stateDict));
            }
        }
    }

    /// <summary>Puts <paramref name="key"/> in the graph as an initializer of the same name.</summary>
    public string Take(OnnxGraph graph, string key, params long[] shape)
    {
        if (!tensors.TryGetValue(key, out var tensor))
        {
            throw new ArgumentException($"The weights have no '{key}', which the network needs.", "weights");
        }
        if (tensor.Type != StateTensorType.Float32 || !tensor.Shape.SequenceEqual(shape))
        {
            throw new ArgumentException($"'{key}' is {tensor.Type} [{string.Join(", ", tensor.Shape)}]; the network needs Float32 [{string.Join(", ", shape)}].", "weights");
        }
        if (!used.Add(key))
        {
            throw new InvalidOperationException($"'{key}' was put in the graph twice.");
        }
        return graph.Initializer(key, TensorProto.Types.DataType.Float, tensor.Shape, tensor.Data);
    }

    public void CheckAllUsed()
    {
        var left = tensors.Keys.Where(key => !used.Contains(key) && !key.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToList();
        if (left.Count > 0)
        {
            throw new ArgumentException($"The weights have keys the network does not use: {string.Join(", ", left.Take(5))}{(left.Count > 5 ? ", ..." : "")}.", "weights");
        }
    }
}
