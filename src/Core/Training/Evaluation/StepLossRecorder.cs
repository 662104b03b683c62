namespace TrainingService.Core.Training.Evaluation;

/// <summary>
/// Every training step's loss, append-only, in fixed float32 chunks so a long run (150,000 steps is
/// about 600 KB) never copies what it already holds. Step numbers are implicit: the first loss is step 0.
/// Owned by the training thread; hand other threads a downsampled series, not the recorder.
/// </summary>
public sealed class StepLossRecorder
{
    public const int ChunkSize = 16_384;

    private readonly List<float[]> _chunks = [];

    public long Count { get; private set; }

    public float this[long step]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(step);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, Count);
            return _chunks[(int)(step / ChunkSize)][step % ChunkSize];
        }
    }

    public void Append(float loss)
    {
        var offset = (int)(Count % ChunkSize);
        if (offset == 0)
        {
            _chunks.Add(new float[ChunkSize]);
        }
        _chunks[^1][offset] = loss;
        Count++;
    }

    public void Append(ReadOnlySpan<float> losses)
    {
        foreach (var loss in losses)
        {
            Append(loss);
        }
    }

    /// <summary>The losses of steps [from, to) as one array.</summary>
    public float[] Slice(long from, long to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, Count);
        var slice = new float[Math.Max(0, to - from)];
        for (var step = from; step < to; step++)
        {
            slice[step - from] = this[step];
        }
        return slice;
    }
}
