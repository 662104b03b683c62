using static TorchSharp.torch;

namespace TrainingService.Core.Training.Evaluation;

/// <summary>
/// Collects per-step losses on the device so that recording one costs no wait for the device, and
/// hands them to a <see cref="StepLossRecorder"/> in one copy when full or when flushed (at progress
/// reports and at the end of an epoch). Use from the training thread only.
/// </summary>
public sealed class StepLossBuffer : IDisposable
{
    private readonly StepLossRecorder _recorder;
    private readonly Tensor _buffer;
    private int _filled;

    public StepLossBuffer(StepLossRecorder recorder, int capacity, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _recorder = recorder;
        _buffer = zeros(capacity, dtype: float32, device: device).DetachFromDisposeScope();
    }

    /// <summary>Losses recorded but not yet handed to the recorder.</summary>
    public int Pending => _filled;

    /// <summary>Records a 0-dim (or one-element) loss tensor of this step.</summary>
    public void Record(Tensor loss)
    {
        if (_filled == _buffer.shape[0])
        {
            Flush();
        }
        using var scope = NewDisposeScope();
        _buffer[_filled].copy_(loss.detach().reshape());
        _filled++;
    }

    public void Flush()
    {
        if (_filled == 0)
        {
            return;
        }
        using var scope = NewDisposeScope();
        _recorder.Append(_buffer.narrow(0, 0, _filled).cpu().data<float>().ToArray());
        _filled = 0;
    }

    public void Dispose() => _buffer.Dispose();
}
