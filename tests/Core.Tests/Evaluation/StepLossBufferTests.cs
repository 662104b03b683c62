using TrainingService.Core.Training.Evaluation;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Evaluation;

public sealed class StepLossBufferTests
{
    [Fact]
    public void Losses_recorded_on_the_device_reach_the_recorder_in_order_when_full_and_when_flushed()
    {
        var recorder = new StepLossRecorder();
        using var buffer = new StepLossBuffer(recorder, capacity: 3, CPU);

        for (var step = 0; step < 7; step++)
        {
            using var scope = NewDisposeScope();
            buffer.Record(tensor(step + 0.25f));
        }

        // Two full buffers were handed over when the 4th and 7th losses arrived; the 7th waits.
        Assert.Equal(6, recorder.Count);
        Assert.Equal(1, buffer.Pending);
        buffer.Flush();
        Assert.Equal(Enumerable.Range(0, 7).Select(s => s + 0.25f), Enumerable.Range(0, 7).Select(s => recorder[s]));
        Assert.Equal(0, buffer.Pending);
    }
}
