using static TorchSharp.torch;

namespace TrainingService.Core.Training.Evaluation;

/// <summary>
/// Counts (true class, predicted class) pairs on the device, batch by batch, as one bincount of
/// <c>label * C + prediction</c>; <see cref="Read"/> copies the counts back once. Rows are true classes
/// and columns predictions, as in sklearn. The counts tensor outlives the per-batch dispose scopes.
/// </summary>
public sealed class ConfusionMatrix : IDisposable
{
    private readonly Tensor _counts;

    public ConfusionMatrix(int numClasses, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        NumClasses = numClasses;
        _counts = zeros((long)numClasses * numClasses, dtype: int64, device: device).DetachFromDisposeScope();
    }

    public int NumClasses { get; }

    /// <summary>Counts a batch from its logits (N x C), predicting each row's arg-max.</summary>
    public void Add(Tensor logits, Tensor labels)
    {
        using var scope = NewDisposeScope();
        AddPredictions(logits.detach().argmax(1), labels);
    }

    public void AddPredictions(Tensor predictions, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var cells = labels.to(int64) * NumClasses + predictions.to(int64);
        _counts.add_(cells.bincount(null, _counts.shape[0]));
    }

    /// <summary>The counts as <c>[true][predicted]</c>.</summary>
    public long[][] Read()
    {
        using var onCpu = _counts.cpu();
        var flat = onCpu.data<long>().ToArray();
        return Enumerable.Range(0, NumClasses).Select(row => flat.AsSpan(row * NumClasses, NumClasses).ToArray()).ToArray();
    }

    public void Dispose() => _counts.Dispose();
}
