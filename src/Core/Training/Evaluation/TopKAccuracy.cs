using static TorchSharp.torch;

namespace TrainingService.Core.Training.Evaluation;

/// <summary>
/// The share of samples whose true class is among the <c>k</c> highest logits, counted on the device
/// and read back once. Top-5 is reported only where there are more than 5 classes; with fewer it is 1.
/// </summary>
public sealed class TopKAccuracy : IDisposable
{
    private readonly Tensor _hits;

    public TopKAccuracy(int k, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        K = k;
        _hits = zeros(1, dtype: int64, device: device).DetachFromDisposeScope();
    }

    public int K { get; }

    public long Count { get; private set; }

    public static bool AppliesTo(int numClasses, int k = 5) => numClasses > k;

    public void Add(Tensor logits, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var (_, indices) = logits.detach().topk(K, dim: 1);
        // topk's indices are distinct within a row, so a row matches its label at most once.
        _hits.add_(indices.eq(labels.to(int64).unsqueeze(1)).sum());
        Count += labels.shape[0];
    }

    /// <summary>NaN before any sample is counted.</summary>
    public double Read() => Count == 0 ? double.NaN : (double)_hits.item<long>() / Count;

    public void Dispose() => _hits.Dispose();
}
