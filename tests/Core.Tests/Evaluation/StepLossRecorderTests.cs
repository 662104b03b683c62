using TrainingService.Core.Training.Evaluation;

namespace TrainingService.Core.Tests.Evaluation;

public sealed class StepLossRecorderTests
{
    [Fact]
    public void Losses_read_back_by_step_across_chunk_boundaries()
    {
        var recorder = new StepLossRecorder();
        var steps = 2 * StepLossRecorder.ChunkSize + 5;

        for (var step = 0; step < steps; step++)
        {
            recorder.Append(step * 0.5f);
        }

        Assert.Equal(steps, recorder.Count);
        foreach (var step in new long[] { 0, StepLossRecorder.ChunkSize - 1, StepLossRecorder.ChunkSize, 2 * StepLossRecorder.ChunkSize, steps - 1 })
        {
            Assert.Equal(step * 0.5f, recorder[step]);
        }
    }

    [Fact]
    public void A_run_of_150000_steps_is_held_in_float32_chunks()
    {
        var recorder = new StepLossRecorder();
        var block = Enumerable.Range(0, 1_000).Select(i => (float)i).ToArray();

        for (var i = 0; i < 150; i++)
        {
            recorder.Append(block);
        }

        Assert.Equal(150_000, recorder.Count);
        Assert.Equal(999f, recorder[149_999]);
        Assert.Equal(0f, recorder[149_000]);
    }

    [Fact]
    public void Reading_a_step_not_yet_recorded_is_an_error()
    {
        var recorder = new StepLossRecorder();
        recorder.Append(1f);

        Assert.Throws<ArgumentOutOfRangeException>(() => recorder[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder[-1]);
    }
}
