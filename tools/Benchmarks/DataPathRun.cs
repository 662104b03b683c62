using System.Diagnostics;
using TrainingService.Core.Datasets;
using static TorchSharp.torch;

namespace TrainingService.Benchmarks;

/// <summary>
/// The data path alone: loader epochs of gather, transforms and float conversion, with nothing
/// consuming the batches. On the CPU every libtorch call is eager, so when a batch is yielded its
/// pixels have been computed; nothing is left pending past the stopwatch.
/// </summary>
internal sealed class DataPathRun(BatchLoader loader)
{
    /// <summary>
    /// A data epoch can last tens of milliseconds, where one preemption by a neighbouring process
    /// swings the figure several-fold; a repetition runs whole epochs until it lasts about this long.
    /// </summary>
    public const double MinRepetitionSeconds = 1.0;

    private int nextEpoch;

    /// <summary>Whole epochs per timed repetition; 1 until <see cref="Calibrate"/> runs.</summary>
    public int EpochsPerRepetition { get; private set; } = 1;

    /// <summary>Times one (untimed for the results) epoch and sizes repetitions from it; call after the warm-up.</summary>
    public void Calibrate()
    {
        var probe = Run(1);
        EpochsPerRepetition = (int)Math.Clamp(Math.Ceiling(MinRepetitionSeconds / probe.Seconds), 1, 10_000);
    }

    /// <summary>The next epoch(s) in loader order, so a repetition never replays an earlier shuffle.</summary>
    public Repetition Run(int epochs)
    {
        var clock = Stopwatch.StartNew();
        var (batches, images) = (0, 0L);
        for (var i = 0; i < epochs; i++)
        {
            using var enumerator = loader.Epoch(nextEpoch++).GetEnumerator();
            while (true)
            {
                // As the training loop does: the enumerator advances inside the scope, so the scope frees the batch.
                using var scope = NewDisposeScope();
                if (!enumerator.MoveNext())
                {
                    break;
                }
                images += enumerator.Current.Labels.shape[0];
                batches++;
            }
        }
        return new Repetition(clock.Elapsed.TotalSeconds, batches, images);
    }

    public Repetition Repeat() => Run(EpochsPerRepetition);
}
